using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// One loop, run again and again on fresh topics, for a profiler to attach to once the code is
/// jitted at its last tier: <c>--steady &lt;loop&gt; [records] [bytes] [runs]</c>, loop being
/// <c>source</c>, <c>producer</c>, <c>producer-acked</c> (the raw producer with a delivery
/// handler), <c>hand-written</c> (<see cref="HandWrittenSource"/>), <c>source-compact</c> (the
/// source pipeline, its task handing each record's offset as a one-entry map, <see cref="KConnector.Records.SingleEntryOffset"/>),
/// <c>sink</c>, <c>consumer</c>, <c>hand-written-sink</c> (<see cref="HandWrittenSink"/>), or the source pipeline's parts without Kafka,
/// <c>task</c> and <c>convert</c> (<see cref="SourceParts"/>). Each run prints its seconds and
/// CPU seconds per million records; "STEADY" marks where the warm-up runs (the first three) end, so
/// <c>perf record -p &lt;pid&gt;</c> started then sees the steady state only (docs/benchmarks.md).
/// </summary>
internal static class SteadyLoop
{
    private const int WarmupRuns = 3;

    public static async Task<int> Run(string loop, HarnessSettings settings, int runs)
    {
        using var cluster = ClusterProcess.Start();
        var loops = new Loops(cluster.BootstrapServers, settings, "steady");
        var handWritten = new HandWrittenSource(cluster.BootstrapServers, settings, loops);
        var handWrittenSink = new HandWrittenSink(cluster.BootstrapServers, settings);
        for (var run = 1; run <= WarmupRuns + runs; run++)
        {
            if (run == WarmupRuns + 1)
            {
                Console.WriteLine($"STEADY pid {Environment.ProcessId}");
            }
            var topic = "steady-" + run.ToString(CultureInfo.InvariantCulture);
            cluster.CreateTopic(topic, settings.Partitions);
            if (loop is "sink" or "consumer" or "hand-written-sink")
            {
                // Filled by the raw producer outside the measured loop.
                loops.RawProducer(topic);
            }
            var measured = await Measurement.Of(() =>
                loop switch
                {
                    "source" => loops.SourcePipeline(topic),
                    "source-compact" => loops.SourcePipeline(topic, compactOffsets: true),
                    "task" => SourceParts.Poll(loops, settings, convert: false),
                    "convert" => SourceParts.Poll(loops, settings, convert: true),
                    "producer" => Task.FromResult(loops.RawProducer(topic)),
                    "hand-written" => Task.FromResult(handWritten.Run(topic)),
                    "producer-acked" => Task.FromResult(
                        loops.RawProducer(topic, acknowledged: true)
                    ),
                    "sink" => loops.SinkPipeline(topic),
                    "consumer" => Task.FromResult(loops.RawConsumer(topic)),
                    "hand-written-sink" => Task.FromResult(handWrittenSink.Run(topic)),
                    _ => throw new ArgumentException($"Unknown loop '{loop}'.", nameof(loop)),
                }
            );
            var inFlight = loop switch
            {
                "source" or "source-compact" => $", {loops.LastSourceInFlight}",
                "hand-written" => $", {handWritten.LastInFlight}",
                _ => "",
            };
            Console.WriteLine(
                $"{loop} run {run}: {measured.Seconds:F2} s, {measured.CpuSeconds * 1_000_000 / settings.Records:F2} CPU s per 1M records, {measured.AllocatedBytes / settings.Records:N0} B allocated and {measured.Gc.PromotedBytes / settings.Records:N0} B promoted per record, {measured.Gc} ({(double)measured.Gc.PageFaults / settings.Records:F3} per record){inFlight}, load {Report.LoadAverage()}"
            );
        }
        return 0;
    }
}
