using System.Diagnostics;

namespace KConnector.Throughput;

/// <summary>One loop's run: wall seconds, the process's CPU seconds (all threads, librdkafka's included) and its memory peak.</summary>
internal sealed record Measurement(double Seconds, double CpuSeconds, MemoryPeak Memory)
{
    public static async Task<Measurement> Of(Func<Task<TimeSpan>> loop)
    {
        // Garbage from the previous loop is collected before, not during, this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        using var sampler = new MemorySampler();
        var elapsed = await loop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        sampler.Stop();
        return new Measurement(elapsed.TotalSeconds, cpu.TotalSeconds, sampler.Peak);
    }
}
