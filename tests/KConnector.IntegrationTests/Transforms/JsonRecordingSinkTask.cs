using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>A sink task of schemaless JSON records that keeps every record it is given, as given.</summary>
internal sealed class JsonRecordingSinkTask : ISinkTask<JsonNode, JsonNode>
{
    public ConcurrentQueue<SinkRecord<JsonNode, JsonNode>> Records { get; } = new();

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<JsonNode, JsonNode>> records,
        CancellationToken cancellationToken
    )
    {
        foreach (var record in records)
        {
            Records.Enqueue(record);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
