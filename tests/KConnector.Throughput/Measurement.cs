using System.Diagnostics;

namespace KConnector.Throughput;

/// <summary>
/// One loop's run: wall seconds, the process's CPU seconds (all threads, librdkafka's included),
/// the managed bytes allocated meanwhile (all threads: the GC work a loop causes, and a figure the
/// machine's load does not move) and its memory peak.
/// </summary>
internal sealed record Measurement(
    double Seconds,
    double CpuSeconds,
    long AllocatedBytes,
    MemoryPeak Memory
)
{
    /// <summary>
    /// What the loop cost the garbage collector: time paused, and gen1/gen2 collections (objects
    /// that live until Kafka acknowledges them survive gen0 and are copied and marked again).
    /// </summary>
    public GcWork Gc { get; init; } = GcWork.None;

    public static async Task<Measurement> Of(Func<Task<TimeSpan>> loop)
    {
        // Garbage from the previous loop is collected before, not during, this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcBefore = GcWork.Now();
        using var sampler = new MemorySampler();
        var elapsed = await loop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        sampler.Stop();
        return new Measurement(elapsed.TotalSeconds, cpu.TotalSeconds, allocated, sampler.Peak)
        {
            Gc = GcWork.Now() - gcBefore,
        };
    }
}
