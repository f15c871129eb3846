using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// The worker-only child: runs the source then the sink pipeline flat out in a process that holds
/// nothing else, and prints what its memory consisted of at the peak.
/// </summary>
internal static class WorkerMemory
{
    private const string Line = "WORKER_MEMORY ";

    public static async Task<int> Serve(
        string bootstrapServers,
        HarnessSettings settings,
        string topic
    )
    {
        // Before any Kafka client: the runtime, the loaded assemblies and the code jitted so far.
        var baseline = Rss.CurrentMegabytes();
        var loops = new Loops(bootstrapServers, settings, "rss");
        var source = await Measurement.Of(() => loops.SourcePipeline(topic));
        var sink = await Measurement.Of(() => loops.SinkPipeline(topic));
        var peak = new[] { source.Memory, sink.Memory }.MaxBy(m => m.RssMegabytes)!;
        Console.WriteLine(
            Line
                + string.Join(
                    ' ',
                    new[]
                    {
                        baseline,
                        peak.RssMegabytes,
                        peak.GcCommittedMegabytes,
                        peak.Threads,
                        Rss.PeakMegabytes(),
                    }.Select(v => v.ToString("F1", CultureInfo.InvariantCulture))
                )
        );
        return 0;
    }

    public static async Task Measure(ClusterProcess cluster, HarnessSettings settings)
    {
        cluster.CreateTopic("rss", settings.Partitions);
        var start = SelfStart.Info(
            "--worker",
            cluster.BootstrapServers,
            settings.Records.ToString(CultureInfo.InvariantCulture),
            settings.RecordBytes.ToString(CultureInfo.InvariantCulture),
            "rss"
        );
        using var child = System.Diagnostics.Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output
            .Split('\n')
            .FirstOrDefault(l => l.StartsWith(Line, StringComparison.Ordinal));
        if (line is null)
        {
            Console.WriteLine("The worker-only process failed: " + output);
            return;
        }
        var v = line[Line.Length..]
            .Split(' ')
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        Console.WriteLine();
        Console.WriteLine(
            "Worker-only process (source then sink pipeline flat out; the cluster elsewhere):"
        );
        Console.WriteLine($"| part | MB |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| peak RSS (sampled every 20 ms) | {v[1]:F1} |");
        Console.WriteLine($"| peak RSS (kernel's VmHWM) | {v[4]:F1} |");
        Console.WriteLine(
            $"| before any Kafka client: runtime, assemblies, code jitted so far | {v[0]:F1} |"
        );
        Console.WriteLine($"| GC committed at the peak (managed heaps) | {v[2]:F1} |");
        Console.WriteLine(
            $"| the rest at the peak: librdkafka's queues and buffers, {v[3]:F0} threads' stacks, code jitted since | {v[1] - v[0] - v[2]:F1} |"
        );
    }
}
