using System.Collections.Concurrent;
using KConnector.Connectors;
using KConnector.Records;

namespace KConnector.IntegrationTests.Specs;

/// <summary>An attribute sink of raw bytes (keys and values as Kafka holds them).</summary>
[SinkConnector("spec-bytes-sink", KeyType = typeof(byte[]), ValueType = typeof(byte[]))]
public sealed partial class BytesSink
{
    /// <summary>Every key and value put, across instances (the worker creates the instance).</summary>
    public static ConcurrentQueue<(byte[]? Key, byte[]? Value)> Received { get; } = new();

    /// <summary>Stores each record's key and value.</summary>
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<byte[], byte[]>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Received.Enqueue((record.Key, record.Value));
        }
        return ValueTask.CompletedTask;
    }
}
