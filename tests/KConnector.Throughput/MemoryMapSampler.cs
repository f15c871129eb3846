namespace KConnector.Throughput;

/// <summary>
/// Reads the process's memory map (<see cref="MemoryMap"/>) every 250 ms while a worker-only
/// pipeline runs and keeps the one with the highest total: what the peak consisted of, by owner.
/// Slower than <see cref="MemorySampler"/> (reading smaps takes a few milliseconds), so only the
/// worker-only processes use it.
/// </summary>
internal sealed class MemoryMapSampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public MemoryMapSampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public MemoryMap Peak { get; private set; } = new(0, 0, 0, 0, 0);

    private void Sample()
    {
        var map = MemoryMap.Read();
        lock (_gate)
        {
            if (map.TotalMegabytes > Peak.TotalMegabytes)
            {
                Peak = map;
            }
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
