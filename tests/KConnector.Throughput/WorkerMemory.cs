using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// Worker-only children: the source pipeline in one process, then the sink pipeline in another,
/// each flat out in a process that holds nothing else (the cluster lives elsewhere; a process per
/// pipeline so that memory the allocator kept from the first is not counted against the second).
/// Each prints what its memory consisted of at its peak.
/// </summary>
internal static class WorkerMemory
{
    private const string Line = "WORKER_MEMORY ";

    public static async Task<int> Serve(
        string pipeline,
        string bootstrapServers,
        HarnessSettings settings,
        string topic
    )
    {
        // Before any Kafka client: the runtime, the loaded assemblies and the code jitted so far.
        var baseline = Rss.CurrentMegabytes();
        var loops = new Loops(bootstrapServers, settings, "rss");
        if (pipeline == "sink")
        {
            // The mock registry lives in each process: register the schema the source process
            // registered, so that this one knows its id (the first, as there).
            loops
                .NewConverter()
                .FromConnectData(
                    topic,
                    new Records.Payload
                    {
                        Sequence = 0,
                        Source = "",
                        Body = "",
                    }
                );
        }
        using var map = new MemoryMapSampler();
        var run = await Measurement.Of(() =>
            pipeline == "source" ? loops.SourcePipeline(topic) : loops.SinkPipeline(topic)
        );
        map.Stop();
        double[] figures =
        [
            baseline,
            run.Memory.RssMegabytes,
            run.Memory.GcCommittedMegabytes,
            run.Memory.Threads,
            Rss.PeakMegabytes(),
            map.Peak.TotalMegabytes,
            map.Peak.MallocMegabytes,
            map.Peak.JitCodeMegabytes,
            map.Peak.FilesMegabytes,
            map.Peak.OtherAnonymousMegabytes,
        ];
        Console.WriteLine(
            Line
                + string.Join(
                    ' ',
                    figures.Select(v => v.ToString("R", CultureInfo.InvariantCulture))
                )
        );
        return 0;
    }

    public static async Task Measure(ClusterProcess cluster, HarnessSettings settings)
    {
        cluster.CreateTopic("rss", settings.Partitions);
        var source = await Child("source", cluster, settings);
        var sink = await Child("sink", cluster, settings);
        if (source is null || sink is null)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine(
            "Worker-only processes (one pipeline each, flat out; the cluster in another process):"
        );
        Console.WriteLine("| part | source pipeline MB | sink pipeline MB |");
        Console.WriteLine("|---|---:|---:|");
        Row("peak RSS (kernel's VmHWM)", source[4], sink[4]);
        Row("peak RSS (sampled every 20 ms)", source[1], sink[1]);
        Row("before any Kafka client: runtime, assemblies, code jitted so far", source[0], sink[0]);
        Row("GC committed at the sampled peak (managed heaps)", source[2], sink[2]);
        Row(
            $"the rest: librdkafka's queues and buffers, thread stacks ({source[3]:F0} / {sink[3]:F0} threads), code jitted since",
            source[1] - source[0] - source[2],
            sink[1] - sink[0] - sink[2]
        );
        Console.WriteLine();
        Console.WriteLine(
            "The same peak by owner (/proc/self/smaps read every 250 ms, the highest total kept):"
        );
        Console.WriteLine("| part | source pipeline MB | sink pipeline MB |");
        Console.WriteLine("|---|---:|---:|");
        Row("resident in all (smaps)", source[5], sink[5]);
        Row(
            "glibc malloc arenas: librdkafka's queued messages and fetch buffers, native allocations",
            source[6],
            sink[6]
        );
        Row("files mapped: runtime, librdkafka and assembly code and data", source[8], sink[8]);
        Row("jitted code", source[7], sink[7]);
        Row("other anonymous: GC heaps, thread stacks, the runtime's own data", source[9], sink[9]);
    }

    private static void Row(string part, double source, double sink) =>
        Console.WriteLine($"| {part} | {source:F1} | {sink:F1} |");

    private static async Task<double[]?> Child(
        string pipeline,
        ClusterProcess cluster,
        HarnessSettings settings
    )
    {
        var start = SelfStart.Info(
            "--worker",
            pipeline,
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
            Console.WriteLine($"The worker-only {pipeline} process failed: {output}");
            return null;
        }
        return line[Line.Length..]
            .Split(' ')
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
    }
}
