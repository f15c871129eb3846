using System.Collections.Concurrent;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>A sink task that keeps every record it is given, as given (topic, key, value, headers).</summary>
internal class RecordingSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>
{
    public ConcurrentQueue<SinkRecord<TKey, TValue>> Records { get; } = new();

    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
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

/// <summary>A recording sink task of string keys and values.</summary>
internal sealed class RecordingSinkTask : RecordingSinkTask<string, string>;
