using System.Globalization;

namespace KConnector.Throughput;

/// <summary>Prints the rounds' medians and spread, CPU per million records, and the pipelines' ratios to their raw loops.</summary>
internal static class Report
{
    public static void Print(Dictionary<string, List<Measurement>> results, int records)
    {
        Console.WriteLine();
        Console.WriteLine(
            "| loop | runs | median s | spread s | median records/s | CPU s per 1M records (median) | B allocated per record (median) | B promoted per record (median) | GC collections gen0/1/2, pause s (medians) | peak RSS MB (GC committed, threads) |"
        );
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, runs) in results)
        {
            var peak = runs.MaxBy(r => r.Memory.RssMegabytes)!.Memory;
            Console.WriteLine(
                $"| {name} | {runs.Count} | {Median(runs, r => r.Seconds):F2} | {runs.Min(r => r.Seconds):F2}-{runs.Max(r => r.Seconds):F2} "
                    + $"| {Median(runs, r => records / r.Seconds):N0} | {Median(runs, r => CpuPerMillion(r, records)):F2} "
                    + $"| {Median(runs, r => (double)r.AllocatedBytes / records):N0} "
                    + $"| {Median(runs, r => (double)r.Gc.PromotedBytes / records):N0} "
                    + $"| {Median(runs, r => r.Gc.Gen0):F0}/{Median(runs, r => r.Gc.Gen1):F0}/{Median(runs, r => r.Gc.Gen2):F0}, {Median(runs, r => r.Gc.PauseSeconds):F2} "
                    + $"| {peak.RssMegabytes:F0} ({peak.GcCommittedMegabytes:F0}, {peak.Threads}) |"
            );
        }
        Console.WriteLine();
        Console.WriteLine(
            "| loop / baseline | rate ratio, median | rate ratio, spread | CPU per record ratio, median | CPU ratio, spread |"
        );
        Console.WriteLine("|---|---:|---:|---:|---:|");
        // The target: the pipeline against the bare client.
        Ratio(
            results[LoopNames.SourcePipeline],
            results[LoopNames.RawProducer],
            "source / producer"
        );
        // What the framework itself costs: the pipeline against the same job written by hand.
        Ratio(
            results[LoopNames.SourcePipeline],
            results[LoopNames.HandWrittenSource],
            "source / hand-written"
        );
        Ratio(
            results[LoopNames.HandWrittenSource],
            results[LoopNames.RawProducer],
            "hand-written / producer"
        );
        Ratio(results[LoopNames.SinkPipeline], results[LoopNames.RawConsumer], "sink / consumer");
        Ratio(
            results[LoopNames.SinkPipeline],
            results[LoopNames.HandWrittenSink],
            "sink / hand-written"
        );
        Ratio(
            results[LoopNames.HandWrittenSink],
            results[LoopNames.RawConsumer],
            "hand-written sink / consumer"
        );
    }

    private static void Ratio(List<Measurement> pipeline, List<Measurement> raw, string name)
    {
        // Per round: each pipeline run against the raw run beside it, then the median of those.
        var rate = pipeline.Zip(raw, (p, r) => r.Seconds / p.Seconds).ToList();
        var cpu = pipeline.Zip(raw, (p, r) => p.CpuSeconds / r.CpuSeconds).ToList();
        Console.WriteLine(
            $"| {name} | {Median(rate, x => x):F2} | {rate.Min():F2}-{rate.Max():F2} | {Median(cpu, x => x):F2} | {cpu.Min():F2}-{cpu.Max():F2} |"
        );
    }

    private static double CpuPerMillion(Measurement run, int records) =>
        run.CpuSeconds * 1_000_000 / records;

    private static double Median<T>(IEnumerable<T> items, Func<T, double> value)
    {
        var sorted = items.Select(value).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string LoadAverage() =>
        string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
