// The worker throughput harness (docs/benchmarks.md).
//   dotnet run -c Release --project tests/KConnector.Throughput -- [records] [record bytes] [rounds]
// Starts the embedded cluster in a process of its own, then runs, round after round and in
// alternating order, a raw Confluent.Kafka producer loop against the source pipeline and a raw
// consumer loop against the sink pipeline (Avro converter, one task, same record count, size and
// client settings), each on a fresh topic. Prints medians and spread, CPU seconds per million
// records and each pipeline's ratios to its raw loop. Then it starts itself as a worker-only
// process per pipeline, flat out, and reports what its memory consisted of at the peak.
// Also: --steady <loop> (SteadyLoop), --idle [seconds] (IdleConsumer: a full prefetch queue's cost).
using System.Globalization;
using KConnector.Throughput;

if (args.Length > 0 && args[0] == "--cluster")
{
    return ClusterProcess.Serve();
}
if (args.Length > 0 && args[0] == "--steady")
{
    return await SteadyLoop.Run(
        args[1],
        new HarnessSettings(
            args.Length > 2 ? Number(args[2]) : 300_000,
            args.Length > 3 ? Number(args[3]) : 256
        ),
        args.Length > 4 ? Number(args[4]) : 20
    );
}
if (args.Length > 0 && args[0] == "--idle")
{
    return await IdleConsumer.Run(
        new HarnessSettings(300_000, 256),
        args.Length > 1 ? Number(args[1]) : 10
    );
}
if (args.Length > 0 && args[0] == "--worker")
{
    return await WorkerMemory.Serve(
        args[1],
        args[2],
        new HarnessSettings(Number(args[3]), Number(args[4])),
        args[5]
    );
}

var settings = new HarnessSettings(
    args.Length > 0 ? Number(args[0]) : 300_000,
    args.Length > 1 ? Number(args[1]) : 256
);
var rounds = args.Length > 2 ? Number(args[2]) : 5;
using var cluster = ClusterProcess.Start();
Console.WriteLine($"load average at start: {Report.LoadAverage()}");
Console.WriteLine("Warming up (JIT, connections) with 20,000 records...");
var warmup = new Rounds(
    cluster,
    settings with
    {
        Records = Math.Min(settings.Records, 20_000),
    },
    "warmup"
);
await warmup.Run(1);
Console.WriteLine(
    $"{settings.Records:N0} records of about {settings.RecordBytes} bytes, {settings.Partitions} partitions, one task, Avro converter, {rounds} rounds"
);

// Rounds 0: only the worker-only memory figures.
if (rounds > 0)
{
    var measured = new Rounds(cluster, settings, "measured");
    await measured.Run(rounds);
    Report.Print(measured.Results, settings.Records);
}
await WorkerMemory.Measure(cluster, settings);
Console.WriteLine($"load average at end: {Report.LoadAverage()}");
return 0;

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
