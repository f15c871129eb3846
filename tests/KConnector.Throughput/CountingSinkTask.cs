using KConnector.Records;
using KConnector.Tasks;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>
/// A sink that only counts (and touches each value), so the figure is the worker's own cost. It
/// signals when the expected count is reached, so the loop timing it waits without polling (the
/// raw consumer loop beside it has no watcher either).
/// </summary>
internal sealed class CountingSinkTask(long expected) : ISinkTask<string, Payload>
{
    private readonly TaskCompletionSource _reached = new(
        TaskCreationOptions.RunContinuationsAsynchronously
    );
    private long _count;
    private long _checksum;

    public long Count => Interlocked.Read(ref _count);

    public long Checksum => _checksum;

    /// <summary>Completes once the expected number of records was put.</summary>
    public Task Reached => _reached.Task;

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, Payload>> records,
        CancellationToken cancellationToken
    )
    {
        foreach (var record in records)
        {
            _checksum += record.Value!.Sequence;
        }
        if (Interlocked.Add(ref _count, records.Count) >= expected)
        {
            _reached.TrySetResult();
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
