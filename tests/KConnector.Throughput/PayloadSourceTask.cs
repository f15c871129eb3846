using System.Globalization;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>
/// A source that emits <c>count</c> records as fast as it is polled, 500 per poll, with source
/// offsets. As the shipped sources do (a file's, a table's, a stream's partition map is built once),
/// each source partition's map and key are made once; each record gets its own offset map: a
/// <see cref="Dictionary{TKey, TValue}"/> as tasks written like Kafka Connect's make them, or, to
/// measure what the compact offset saves, a <see cref="SingleEntryOffset"/> (the shipped file and
/// Redis sources hand that).
/// </summary>
internal sealed class PayloadSourceTask : ISourceTask<string, Payload>
{
    private readonly string _topic;
    private readonly int _count;
    private readonly string _body;
    private readonly string[] _sources;
    private readonly Dictionary<string, string>[] _partitions;
    private readonly bool _compactOffsets;
    private int _next;

    public PayloadSourceTask(
        string topic,
        int count,
        int partitions,
        string body,
        bool compactOffsets = false
    )
    {
        _compactOffsets = compactOffsets;
        _topic = topic;
        _count = count;
        _body = body;
        _sources = Enumerable
            .Range(0, partitions)
            .Select(p => "p" + p.ToString(CultureInfo.InvariantCulture))
            .ToArray();
        _partitions = _sources
            .Select(source => new Dictionary<string, string> { ["p"] = source })
            .ToArray();
    }

    public bool Exhausted => _next >= _count;

    public ValueTask<IReadOnlyList<SourceRecord<string, Payload>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, Payload>>(500);
        for (; _next < _count && batch.Count < 500; _next++)
        {
            var partition = _next % _sources.Length;
            var source = _sources[partition];
            batch.Add(
                new SourceRecord<string, Payload>
                {
                    Topic = _topic,
                    Partition = partition,
                    Key = source,
                    Value = new Payload
                    {
                        Sequence = _next,
                        Source = source,
                        Body = _body,
                    },
                    SourcePartition = _partitions[partition],
                    SourceOffset = Offset(_next),
                }
            );
        }
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Payload>>>(batch);
    }

    private const string OffsetKey = "seq";

    private IReadOnlyDictionary<string, string> Offset(long sequence) =>
        _compactOffsets
            ? new SingleEntryOffset(OffsetKey, sequence)
            : new Dictionary<string, string>
            {
                [OffsetKey] = sequence.ToString(CultureInfo.InvariantCulture),
            };
}
