// The worker throughput harness (docs/benchmarks.md): one process, one run, on the embedded cluster.
//   dotnet run -c Release --project tests/KConnector.Throughput -- [records] [record bytes]
// Runs a raw Confluent.Kafka producer loop and consumer loop, then the source and sink pipelines
// (Avro converter, one task) with the same record count, record size and client settings, and
// prints each pipeline's throughput as a ratio of its raw loop's. Then it starts itself again as a
// worker-only child process (--worker) that runs both pipelines flat out and reports its peak RSS.
using System.Diagnostics;
using System.Globalization;
using KConnector.Kafka;
using KConnector.Throughput;

if (args.Length > 0 && args[0] == "--worker")
{
    var workerSettings = new HarnessSettings(
        int.Parse(args[2], CultureInfo.InvariantCulture),
        int.Parse(args[3], CultureInfo.InvariantCulture)
    );
    var worker = new Loops(args[1], workerSettings, "rss");
    await worker.SourcePipeline("rss");
    await worker.SinkPipeline("rss");
    Console.WriteLine(
        "PEAK_RSS_MB " + PeakRss.Megabytes().ToString("F1", CultureInfo.InvariantCulture)
    );
    return 0;
}

var settings = new HarnessSettings(
    args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000,
    args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256
);
using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
Loops.CreateTopics(kafka, "warmup", "raw", "pipeline", "rss");
var loops = new Loops(
    kafka.BootstrapServers,
    settings with
    {
        Records = Math.Min(settings.Records, 20_000),
    },
    "harness"
);
Console.WriteLine(
    $"Warming up (JIT, connections) with {Math.Min(settings.Records, 20_000):N0} records..."
);
loops.RawProducer("warmup");
await loops.SourcePipeline("warmup");
loops = new Loops(kafka.BootstrapServers, settings, "harness");

Console.WriteLine(
    $"{settings.Records:N0} records of about {settings.RecordBytes} bytes, {HarnessSettings.Partitions} partitions, one task, Avro converter"
);
var rawProduce = loops.RawProducer("raw");
var source = await loops.SourcePipeline("pipeline");
var rawConsume = loops.RawConsumer("raw");
var sink = await loops.SinkPipeline("pipeline");

double Rate(TimeSpan t) => settings.Records / t.TotalSeconds;
Console.WriteLine();
Console.WriteLine("| loop | seconds | records/s | ratio to raw |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine(
    $"| raw producer | {rawProduce.TotalSeconds:F2} | {Rate(rawProduce):N0} | 1.00 |"
);
Console.WriteLine(
    $"| source pipeline | {source.TotalSeconds:F2} | {Rate(source):N0} | {Rate(source) / Rate(rawProduce):F2} |"
);
Console.WriteLine(
    $"| raw consumer | {rawConsume.TotalSeconds:F2} | {Rate(rawConsume):N0} | 1.00 |"
);
Console.WriteLine(
    $"| sink pipeline | {sink.TotalSeconds:F2} | {Rate(sink):N0} | {Rate(sink) / Rate(rawConsume):F2} |"
);

var self = new ProcessStartInfo(Environment.ProcessPath!)
{
    RedirectStandardOutput = true,
    UseShellExecute = false,
};
if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
{
    self.ArgumentList.Add(typeof(Loops).Assembly.Location);
}
foreach (
    var argument in new[]
    {
        "--worker",
        kafka.BootstrapServers,
        settings.Records.ToString(CultureInfo.InvariantCulture),
        settings.RecordBytes.ToString(CultureInfo.InvariantCulture),
    }
)
{
    self.ArgumentList.Add(argument);
}
using var child = Process.Start(self)!;
var output = await child.StandardOutput.ReadToEndAsync();
await child.WaitForExitAsync();
var rss = output
    .Split('\n')
    .FirstOrDefault(l => l.StartsWith("PEAK_RSS_MB ", StringComparison.Ordinal));
Console.WriteLine();
Console.WriteLine(
    rss is null
        ? "worker process failed: " + output
        : $"Peak RSS of a worker process running the source then the sink pipeline flat out: {rss[12..]} MB"
);
return 0;
