using System.Collections.Concurrent;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>A sink task that keeps every record it is given, as given (topic, value, headers).</summary>
internal sealed class RecordingSinkTask : ISinkTask<string, string>
{
    public ConcurrentQueue<SinkRecord<string, string>> Records { get; } = new();

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
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
