using System.Globalization;
using KConnector.IntegrationTests.Events;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// Emits events 0, 1, 2... one per poll, each only once the test released it, to the topic
/// <see cref="TopicOf"/> chooses, with its sequence number as the source offset.
/// </summary>
internal sealed class ReleasedSourceTask(Func<int, string> topicOf)
    : ISourceTask<string, SequencedEvent>
{
    private int _released;
    private int _next;

    public Func<int, string> TopicOf => topicOf;

    /// <summary>Lets the events up to (not including) <paramref name="count"/> be polled.</summary>
    public void Release(int count) => Volatile.Write(ref _released, count);

    public ValueTask<IReadOnlyList<SourceRecord<string, SequencedEvent>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        if (_next >= Volatile.Read(ref _released))
        {
            return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, SequencedEvent>>>([]);
        }
        var n = _next++;
        var text = n.ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<SourceRecord<string, SequencedEvent>> batch =
        [
            new SourceRecord<string, SequencedEvent>
            {
                Topic = topicOf(n),
                Key = "key-" + text,
                Value = new SequencedEvent
                {
                    Id = "evt-" + text,
                    Sequence = n,
                    Amount = n,
                    Flagged = false,
                    Comment = null,
                },
                SourcePartition = new Dictionary<string, string> { ["stream"] = "released" },
                SourceOffset = new Dictionary<string, string> { ["seq"] = text },
            },
        ];
        return ValueTask.FromResult(batch);
    }
}
