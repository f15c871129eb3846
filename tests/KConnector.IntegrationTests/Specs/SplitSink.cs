using System.Collections.Concurrent;
using KConnector.Connectors;
using KConnector.Records;

namespace KConnector.IntegrationTests.Specs;

/// <summary>An attribute sink that notes every record it was given, with the task instance that got it.</summary>
[SinkConnector("spec-split-sink", Topics = "spec-split")]
public sealed partial class SplitSink
{
    /// <summary>Every record put, as partition, offset, value and the instance that put it.</summary>
    public static ConcurrentQueue<(
        int Partition,
        long Offset,
        string? Value,
        SplitSink Task
    )> Received { get; } = new();

    /// <summary>Notes the records.</summary>
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Received.Enqueue((record.Partition, record.Offset, record.Value, this));
        }
        return ValueTask.CompletedTask;
    }
}
