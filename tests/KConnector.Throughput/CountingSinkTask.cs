using KConnector.Records;
using KConnector.Tasks;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>A sink that only counts (and touches each value), so the figure is the worker's own cost.</summary>
internal sealed class CountingSinkTask : ISinkTask<string, Payload>
{
    private long _count;
    private long _checksum;

    public long Count => Interlocked.Read(ref _count);

    public long Checksum => _checksum;

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, Payload>> records,
        CancellationToken cancellationToken
    )
    {
        foreach (var record in records)
        {
            _checksum += record.Value!.Sequence;
        }
        Interlocked.Add(ref _count, records.Count);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
