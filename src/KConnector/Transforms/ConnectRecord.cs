using KConnector.Records;

namespace KConnector.Transforms;

/// <summary>
/// The part of a record a single message transform sees and may change, as Kafka Connect's
/// <c>ConnectRecord</c>: topic, partition, key, value, headers and timestamp. A source record and a
/// sink record both pass through transforms in this shape; what a transform cannot change (a
/// source record's source partition and offset, a sink record's consumed offset) stays with the
/// original record, so offsets are committed for the record as it was read.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed record ConnectRecord<TKey, TValue>
{
    /// <summary>The topic (a router's output is the new topic).</summary>
    public required string Topic { get; init; }

    /// <summary>The partition, or null to let the producer's partitioner choose (source records).</summary>
    public int? Partition { get; init; }

    /// <summary>The key; null for records without one.</summary>
    public TKey? Key { get; init; }

    /// <summary>The value; null is a tombstone.</summary>
    public TValue? Value { get; init; }

    /// <summary>Headers, in order; a name may repeat.</summary>
    public IReadOnlyList<RecordHeader> Headers { get; init; } = [];

    /// <summary>The timestamp, or null when the record has none (a source record the producer will stamp).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>
    /// The offset a sink record was consumed at (Kafka Connect's <c>SinkRecord.kafkaOffset</c>), or
    /// null for a source record. Read-only for transforms: the runner commits the consumed offset.
    /// </summary>
    public long? KafkaOffset { get; init; }

    /// <summary>The transformable part of <paramref name="record"/>.</summary>
    public static ConnectRecord<TKey, TValue> From(SourceRecord<TKey, TValue> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new()
        {
            Topic = record.Topic,
            Partition = record.Partition,
            Key = record.Key,
            Value = record.Value,
            Headers = record.Headers,
            Timestamp = record.Timestamp,
        };
    }

    /// <summary>The transformable part of <paramref name="record"/>.</summary>
    public static ConnectRecord<TKey, TValue> From(SinkRecord<TKey, TValue> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new()
        {
            Topic = record.Topic,
            Partition = record.Partition,
            Key = record.Key,
            Value = record.Value,
            Headers = record.Headers,
            Timestamp = record.Timestamp,
            KafkaOffset = record.Offset,
        };
    }

    /// <summary><paramref name="original"/> with this record's topic, partition, key, value, headers and timestamp.</summary>
    public SourceRecord<TKey, TValue> ToSourceRecord(SourceRecord<TKey, TValue> original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return original with
        {
            Topic = Topic,
            Partition = Partition,
            Key = Key,
            Value = Value,
            Headers = Headers,
            Timestamp = Timestamp,
        };
    }

    /// <summary>
    /// <paramref name="original"/> with this record's topic, key, value, headers and timestamp. The
    /// partition and offset stay those the record was consumed at: the sink's offsets are Kafka's.
    /// </summary>
    public SinkRecord<TKey, TValue> ToSinkRecord(SinkRecord<TKey, TValue> original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return original with
        {
            Topic = Topic,
            Key = Key,
            Value = Value,
            Headers = Headers,
            Timestamp = Timestamp ?? original.Timestamp,
        };
    }
}
