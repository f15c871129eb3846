using System.Globalization;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>A source that emits <c>count</c> records as fast as it is polled, 500 per poll, with source offsets.</summary>
internal sealed class PayloadSourceTask(string topic, int count, int partitions, string body)
    : ISourceTask<string, Payload>
{
    private int _next;

    public bool Exhausted => _next >= count;

    public ValueTask<IReadOnlyList<SourceRecord<string, Payload>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, Payload>>(500);
        for (; _next < count && batch.Count < 500; _next++)
        {
            var partition = _next % partitions;
            var source = "p" + partition.ToString(CultureInfo.InvariantCulture);
            batch.Add(
                new SourceRecord<string, Payload>
                {
                    Topic = topic,
                    Partition = partition,
                    Key = source,
                    Value = new Payload
                    {
                        Sequence = _next,
                        Source = source,
                        Body = body,
                    },
                    SourcePartition = new Dictionary<string, string> { ["p"] = source },
                    SourceOffset = new Dictionary<string, string>
                    {
                        ["seq"] = _next.ToString(CultureInfo.InvariantCulture),
                    },
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Payload>>>(batch);
    }
}
