using KConnector.Records;

namespace KConnector.Errors;

/// <summary>
/// The record an error happened to, in the raw form a dead-letter queue keeps. For a sink it is the
/// consumed Kafka record (topic, partition, offset and the original bytes). For a source there is no
/// consumed record: the bytes are whatever the converters produced before the failure (null where a
/// converter failed), and the source partition and offset say where it came from. Named as Kafka
/// Connect names a record in error (<c>ErrantRecordReporter</c>, KIP-610); a record a sink reports
/// as not written is a <see cref="Connectors.Errors.FailedRecord"/>.
/// </summary>
public sealed record ErrantRecord
{
    /// <summary>The consumed record's topic (sinks), or the destination topic (sources).</summary>
    public required string Topic { get; init; }

    /// <summary>The consumed record's partition; null for a source record.</summary>
    public int? Partition { get; init; }

    /// <summary>The consumed record's offset; null for a source record.</summary>
    public long? Offset { get; init; }

    /// <summary>The raw key bytes.</summary>
    public byte[]? Key { get; init; }

    /// <summary>The raw value bytes.</summary>
    public byte[]? Value { get; init; }

    /// <summary>The original headers, in order.</summary>
    public IReadOnlyList<RecordHeader> Headers { get; init; } = [];

    /// <summary>The original timestamp, if it had one.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>For a source record: the source partition it came from.</summary>
    public IReadOnlyDictionary<string, string>? SourcePartition { get; init; }

    /// <summary>For a source record: its source offset.</summary>
    public IReadOnlyDictionary<string, string>? SourceOffset { get; init; }

    /// <summary>Whether this is a consumed Kafka record (a sink's), which has topic, partition and offset.</summary>
    public bool IsConsumed => Partition is not null && Offset is not null;

    /// <summary>"topic-partition@offset" for a consumed record, the topic otherwise: for messages and logs.</summary>
    public string Coordinates => IsConsumed ? $"{Topic}-{Partition}@{Offset}" : $"topic '{Topic}'";
}
