using System.Diagnostics;
using System.Globalization;
using KConnector.Connectors.File;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.Quickstart;
using KConnector.SchemaRegistry;
using KConnector.Worker;

// The walking skeleton as a quickstart: generated Order type -> source task -> Avro (Confluent
// wire format, in-memory registry) -> embedded Kafka -> sink task -> JSON-lines file.
var records =
    args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0
        ? n
        : 10_000;
var output = Path.GetFullPath(
    args.Length > 1 ? args[1] : Path.Combine("artifacts", "demo", "orders.jsonl")
);
const string Topic = "orders";

Console.WriteLine("KConnector quickstart: orders -> Avro -> Kafka -> orders.jsonl");
Console.WriteLine();
Console.WriteLine(
    "WARNING: no bootstrap.servers given, so this runs on an EMBEDDED Kafka cluster (librdkafka's"
);
Console.WriteLine(
    "         mock cluster) inside this process. Its data is NOT durable: it is gone when the run ends."
);
Console.WriteLine();

using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
kafka.CreateTopic(Topic, partitions: 4);
Console.WriteLine(
    $"embedded Kafka: 3 brokers at {kafka.BootstrapServers}; topic '{Topic}' with 4 partitions"
);

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.Delete(output);
var registry = new MockSchemaRegistryClient("quickstart");
var source = new SyntheticOrdersSourceTask(Topic, records, batchSize: 500);
using var sink = new JsonLinesFileSinkTask<string, Order>(output);
var sourceRunner = new SourceTaskRunner<string, Order>(
    new WorkerOptions { Name = "orders-source", BootstrapServers = kafka.BootstrapServers },
    source,
    new StringConverter(),
    new AvroConverter<Order>(registry, isKey: false)
);
var sinkRunner = new SinkTaskRunner<string, Order>(
    new WorkerOptions
    {
        Name = "orders-file-sink",
        BootstrapServers = kafka.BootstrapServers,
        Topics = [Topic],
    },
    sink,
    new StringConverter(),
    new AvroConverter<Order>(registry, isKey: false)
);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var clock = Stopwatch.StartNew();
var sourceRun = sourceRunner.RunAsync(stop.Token);
var sinkRun = sinkRunner.RunAsync(stop.Token);

// Bounded: the run ends when every record is in the file, when a runner fails, or after 2 minutes.
var deadline = TimeSpan.FromMinutes(2);
while (
    sinkRunner.RecordsCommitted < records
    && clock.Elapsed < deadline
    && !stop.IsCancellationRequested
)
{
    if (sourceRun.IsFaulted || sinkRun.IsFaulted)
    {
        break;
    }
    await Task.Delay(500);
    Console.WriteLine(
        $"  {clock.Elapsed.TotalSeconds, 5:F1}s  produced {sourceRunner.RecordsAcknowledged, 7:N0} / {records:N0}   written {sinkRunner.RecordsCommitted, 7:N0}"
    );
}
await stop.CancelAsync();
try
{
    await Task.WhenAll(sourceRun, sinkRun);
}
catch (Exception e)
{
    Console.Error.WriteLine($"The pipeline failed: {e.Message}");
    return 1;
}
clock.Stop();

var lines = File.ReadLines(output).Count();
Console.WriteLine();
Console.WriteLine("Summary");
Console.WriteLine($"  records produced : {sourceRunner.RecordsAcknowledged:N0}");
Console.WriteLine($"  records written  : {lines:N0} (to {output})");
Console.WriteLine(
    $"  elapsed          : {clock.Elapsed.TotalSeconds:F2} s ({lines / clock.Elapsed.TotalSeconds:N0} records/s end to end)"
);
Console.WriteLine();
Console.WriteLine($"Look at the result:  head -3 {output}");
if (lines != records)
{
    Console.Error.WriteLine($"Expected {records:N0} lines, found {lines:N0}.");
    return 1;
}
return 0;
