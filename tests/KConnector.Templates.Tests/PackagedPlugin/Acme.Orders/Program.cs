using System.Text;
using Acme.Orders;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Kafka;

// Runs the spec's generated worker on an embedded cluster: ten values written as the package's
// CaesarConverter (shift 3) writes them, read back through it by the package's AuditSink.
const int Total = 10;
var output = Path.GetFullPath(args[0]);
using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
kafka.CreateTopic("orders", partitions: 1);
using (
    var producer = new ProducerBuilder<Null, byte[]>(
        new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
    ).Build()
)
{
    for (var n = 0; n < Total; n++)
    {
        // "order-n" shifted by 3 letters.
        await producer.ProduceAsync(
            "orders",
            new Message<Null, byte[]> { Value = Encoding.UTF8.GetBytes("rughu-" + n) }
        );
    }
}

var values = new Dictionary<string, string?>(AcmeAuditConfig.SpecValues)
{
    ["bootstrap.servers"] = kafka.BootstrapServers,
    ["audit.file"] = output,
};
using var environment = new ConnectorEnvironment();
var worker = new AcmeAuditWorker(AcmeAuditConfig.Parse(values), environment);
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
var run = worker.RunAsync(stop.Token);
while (
    !stop.IsCancellationRequested
    && (!File.Exists(output) || File.ReadAllLines(output).Length < Total)
)
{
    await Task.Delay(100);
}
await stop.CancelAsync();
await run.WaitAsync(TimeSpan.FromSeconds(60));
Console.WriteLine($"audit lines: {(File.Exists(output) ? File.ReadAllLines(output).Length : 0)}");
