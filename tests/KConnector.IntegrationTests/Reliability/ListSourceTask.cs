using System.Collections.Concurrent;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>A source that emits a fixed list once and records its commitRecord calls.</summary>
internal sealed class ListSourceTask(IReadOnlyList<SourceRecord<string, string>> records)
    : ISourceTask<string, string>
{
    private bool _done;

    public bool Done => Volatile.Read(ref _done);

    /// <summary>How many records the list holds.</summary>
    public int Count => records.Count;

    public ConcurrentQueue<(
        SourceRecord<string, string> Record,
        RecordMetadata? Metadata
    )> Committed { get; } = new();

    public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = Done ? [] : records;
        Volatile.Write(ref _done, true);
        return ValueTask.FromResult(batch);
    }

    public void CommitRecord(SourceRecord<string, string> record, RecordMetadata? metadata) =>
        Committed.Enqueue((record, metadata));
}
