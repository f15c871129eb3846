using Confluent.Kafka;

// Confluent.Kafka alone, from exec to one record acknowledged by Kafka: the floor a KConnector
// worker's start stands on (tests/KConnector.Throughput/startup.sh, docs/native-aot.md).
//
//   KConnector.StartupPeer [bootstrap.servers]
//
// With no bootstrap.servers the producer starts librdkafka's mock cluster inside itself (three
// brokers), as a worker without bootstrap.servers starts its embedded cluster. It prints the
// worker's two marker lines ("producing to" once the producer exists, "FIRST RECORD DELIVERED" on
// the first delivery report) and then waits to be stopped, so that its CPU time can be read.
var config = new ProducerConfig
{
    // The settings a KConnector source task's producer has (SourceTaskRunner): same work per record.
    EnableIdempotence = true,
    Acks = Acks.All,
    LingerMs = 5,
    QueueBufferingMaxKbytes = 32768,
    DeliveryReportFields = "timestamp",
};
if (args.Length > 0)
{
    config.BootstrapServers = args[0];
}
else
{
    config.Set("test.mock.num.brokers", "3");
}

const string Topic = "orders";
using var producer = new ProducerBuilder<byte[]?, byte[]?>(config).Build();
Console.WriteLine($"producing to {Topic}");

// A record of the template's sample size: a key and an Avro order of a few dozen bytes.
// ProduceAsync throws a ProduceException when Kafka refuses the record: past it, Kafka has
// acknowledged it (the status field is not marshalled back: DeliveryReportFields above).
await producer
    .ProduceAsync(
        Topic,
        new Message<byte[]?, byte[]?> { Key = "order-1"u8.ToArray(), Value = new byte[48] }
    )
    .ConfigureAwait(false);
Console.WriteLine("FIRST RECORD DELIVERED");

// Stopped by the script once it has read the CPU time; bounded in case nobody does.
await Task.Delay(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
