using System.Globalization;
using KConnector.IntegrationTests.Events;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests;

/// <summary>Emits events 0..total-1 in batches, keyed so that they spread over every partition.</summary>
internal sealed class SequencedEventsSourceTask(string topic, int total, int batchSize)
    : ISourceTask<string, SequencedEvent>
{
    private int _next;

    public ValueTask<IReadOnlyList<SourceRecord<string, SequencedEvent>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, SequencedEvent>>();
        for (; _next < total && batch.Count < batchSize; _next++)
        {
            var value = new SequencedEvent
            {
                Id = "evt-" + _next.ToString(CultureInfo.InvariantCulture),
                Sequence = _next,
                Amount = _next * 0.5,
                Flagged = _next % 3 == 0,
                Comment =
                    _next % 4 == 0 ? null : "c" + _next.ToString(CultureInfo.InvariantCulture),
            };
            batch.Add(
                new SourceRecord<string, SequencedEvent>
                {
                    Topic = topic,
                    Key = "key-" + (_next % 101).ToString(CultureInfo.InvariantCulture),
                    Value = value,
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, SequencedEvent>>>(batch);
    }
}
