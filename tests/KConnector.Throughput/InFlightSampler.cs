namespace KConnector.Throughput;

/// <summary>
/// How many records a source pipeline held in flight (polled, not yet acknowledged by Kafka): what
/// stays alive across garbage collections, so what the collector copies and marks again.
/// </summary>
internal sealed class InFlightSampler
{
    private long _sum;
    private int _samples;

    public long Max { get; private set; }

    public long Mean => _samples == 0 ? 0 : _sum / _samples;

    public void Sample(long inFlight)
    {
        _sum += inFlight;
        _samples++;
        Max = Math.Max(Max, inFlight);
    }

    public override string ToString() => $"in flight mean {Mean:N0} max {Max:N0}";
}
