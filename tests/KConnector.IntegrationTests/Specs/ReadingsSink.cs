using System.Collections.Concurrent;
using KConnector.Connectors;
using KConnector.Records;
using KconnectorTests.Telemetry;

namespace KConnector.IntegrationTests.Specs;

/// <summary>An attribute sink of protoc-generated messages, read through the ProtobufConverter.</summary>
[SinkConnector(
    "spec-readings-sink",
    ValueType = typeof(Reading),
    ValueConverter = "io.confluent.connect.protobuf.ProtobufConverter"
)]
public sealed partial class ReadingsSink
{
    /// <summary>Every reading put, across instances (the worker creates the instance).</summary>
    public static ConcurrentQueue<Reading> Received { get; } = new();

    /// <summary>Stores each record's value.</summary>
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, Reading>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Received.Enqueue(record.Value!);
        }
        return ValueTask.CompletedTask;
    }
}
