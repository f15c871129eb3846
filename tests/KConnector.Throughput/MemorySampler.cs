using System.Diagnostics;

namespace KConnector.Throughput;

/// <summary>
/// Samples the process's RSS every 20 ms while a loop runs and keeps the highest, with the GC's
/// committed bytes and the thread count at that moment: what the peak consisted of.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public MemorySampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    public MemoryPeak Peak { get; private set; } = new(0, 0, 0);

    private void Sample()
    {
        var rss = Rss.CurrentMegabytes();
        lock (_gate)
        {
            if (rss <= Peak.RssMegabytes)
            {
                return;
            }
            Peak = new MemoryPeak(
                rss,
                GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0),
                Process.GetCurrentProcess().Threads.Count
            );
        }
    }

    /// <summary>Stops sampling after one last sample.</summary>
    public void Stop()
    {
        _timer.Dispose();
        Sample();
    }

    public void Dispose() => _timer.Dispose();
}

/// <summary>The highest RSS seen, the GC's committed megabytes and the threads at that moment.</summary>
internal sealed record MemoryPeak(double RssMegabytes, double GcCommittedMegabytes, int Threads);
