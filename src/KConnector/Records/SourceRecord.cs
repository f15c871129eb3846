namespace KConnector.Records;

/// <summary>
/// A record a source task hands to the worker, as Kafka Connect's <c>SourceRecord</c>:
/// where it goes (topic, optional partition), what it carries (key, value, headers, timestamp)
/// and where it came from (source partition and offset, stored once Kafka has acknowledged it).
/// </summary>
/// <typeparam name="TKey">The generated or primitive key type.</typeparam>
/// <typeparam name="TValue">The generated or primitive value type.</typeparam>
public sealed record SourceRecord<TKey, TValue>
{
    /// <summary>The topic to write to.</summary>
    public required string Topic { get; init; }

    /// <summary>The partition to write to, or null to let the partitioner choose from the key.</summary>
    public int? Partition { get; init; }

    /// <summary>The key; null for records without one.</summary>
    public TKey? Key { get; init; }

    /// <summary>The value; null is a tombstone.</summary>
    public TValue? Value { get; init; }

    /// <summary>Headers, in order; a header name may repeat.</summary>
    public IReadOnlyList<RecordHeader> Headers { get; init; } = [];

    /// <summary>The record timestamp, or null to let the producer stamp it.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Identifies the part of the source system this record came from (a file, a table).</summary>
    public IReadOnlyDictionary<string, string>? SourcePartition { get; init; }

    /// <summary>The position within <see cref="SourcePartition"/> to resume after this record.</summary>
    public IReadOnlyDictionary<string, string>? SourceOffset { get; init; }
}
