using System.Text.Json.Nodes;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>A source of schemaless JSON records that emits a fixed list once and counts its commitRecord calls.</summary>
internal sealed class JsonListSourceTask(IReadOnlyList<SourceRecord<JsonNode, JsonNode>> records)
    : ISourceTask<JsonNode, JsonNode>
{
    private bool _done;
    private int _committed;

    public int Committed => Volatile.Read(ref _committed);

    public ValueTask<IReadOnlyList<SourceRecord<JsonNode, JsonNode>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = Volatile.Read(ref _done) ? [] : records;
        Volatile.Write(ref _done, true);
        return ValueTask.FromResult(batch);
    }

    public void CommitRecord(SourceRecord<JsonNode, JsonNode> record, RecordMetadata? metadata) =>
        Interlocked.Increment(ref _committed);
}
