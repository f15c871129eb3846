namespace KConnector.Records;

/// <summary>
/// A record a sink task receives, as Kafka Connect's <c>SinkRecord</c>: the decoded key and value
/// with the Kafka coordinates they were read from.
/// </summary>
/// <typeparam name="TKey">The decoded key type.</typeparam>
/// <typeparam name="TValue">The decoded value type.</typeparam>
public sealed record SinkRecord<TKey, TValue>
{
    /// <summary>The topic the record was read from.</summary>
    public required string Topic { get; init; }

    /// <summary>The partition the record was read from.</summary>
    public required int Partition { get; init; }

    /// <summary>The record's offset in its partition.</summary>
    public required long Offset { get; init; }

    /// <summary>The decoded key, or null.</summary>
    public TKey? Key { get; init; }

    /// <summary>The decoded value; null is a tombstone.</summary>
    public TValue? Value { get; init; }

    /// <summary>Headers, in order.</summary>
    public IReadOnlyList<RecordHeader> Headers { get; init; } = [];

    /// <summary>The record's timestamp.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
