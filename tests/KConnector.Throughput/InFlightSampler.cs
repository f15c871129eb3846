namespace KConnector.Throughput;

/// <summary>
/// How many records a source loop held in flight (handed over, not yet acknowledged by Kafka):
/// what stays alive across garbage collections, so what the collector copies and marks again.
/// Sampled every millisecond on a thread of its own, started before the loop: a pipeline whose
/// awaits all complete synchronously runs its whole poll-and-produce loop inside the call that
/// starts it, where a sampler on the caller's continuation would only see the tail.
/// </summary>
internal sealed class InFlightSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _sum;
    private long _samples;
    private long _max;

    public InFlightSampler(Func<long> inFlight)
    {
        _thread = new Thread(() =>
        {
            while (!_stopped)
            {
                var now = inFlight();
                _sum += now;
                _samples++;
                _max = Math.Max(_max, now);
                Thread.Sleep(1);
            }
        })
        {
            IsBackground = true,
            Name = "in-flight sampler",
        };
        _thread.Start();
    }

    public long Max => _max;

    public long Mean => _samples == 0 ? 0 : _sum / _samples;

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    public override string ToString() => $"in flight mean {Mean:N0} max {Max:N0}";
}
