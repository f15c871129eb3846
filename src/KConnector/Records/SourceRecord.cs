namespace KConnector.Records;

/// <summary>
/// A record a source task hands to the worker, as Kafka Connect's <c>SourceRecord</c>:
/// where it goes (topic, optional partition), what it carries (key, value, headers, timestamp)
/// and where it came from (source partition and offset, stored once Kafka has acknowledged it).
/// A task that reads input it cannot turn into a record returns
/// <see cref="Unreadable(string, byte[], IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, string}, Exception, byte[])"/>
/// in its place: the worker handles it under <c>errors.tolerance</c> at stage <c>TASK_POLL</c>.
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

    /// <summary>
    /// Set on a record made by <see cref="Unreadable"/>: the raw input and the error. Such a record
    /// has no key or value and is never produced to <see cref="Topic"/>.
    /// </summary>
    public UnreadableInput? UnreadableInput { get; init; }

    /// <summary>
    /// A stand-in, in the poll batch, for input the task could not turn into a record. The worker
    /// treats it as a record error at stage <c>TASK_POLL</c> (class: the task): with
    /// <c>errors.tolerance=none</c> the task fails with <paramref name="error"/> and this offset is
    /// not committed (records before it are delivered and committed), so a restart reads the input
    /// again; with <c>all</c> it is logged, sent to <c>errors.deadletterqueue.topic.name</c>
    /// (<paramref name="rawValue"/> as the value, <paramref name="rawKey"/> as the key, the
    /// <c>__connect.errors.*</c> context headers), counted as skipped, and its offset is committed in
    /// order, so a restart does not read it again. Headers and a timestamp can be added with
    /// <c>with</c>; they go to the dead-letter record.
    /// </summary>
    /// <param name="topic">The topic the record was meant for (logged; the dead-letter record goes to the queue's topic).</param>
    /// <param name="rawValue">The raw bytes as read.</param>
    /// <param name="sourcePartition">The source partition the input came from.</param>
    /// <param name="sourceOffset">The position to resume after this input.</param>
    /// <param name="error">Why it could not be read: its message should say where (file and byte position, table and row).</param>
    /// <param name="rawKey">The raw key bytes, if the input had a key.</param>
    public static SourceRecord<TKey, TValue> Unreadable(
        string topic,
        byte[]? rawValue,
        IReadOnlyDictionary<string, string>? sourcePartition,
        IReadOnlyDictionary<string, string>? sourceOffset,
        Exception error,
        byte[]? rawKey = null
    )
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(error);
        return new SourceRecord<TKey, TValue>
        {
            Topic = topic,
            SourcePartition = sourcePartition,
            SourceOffset = sourceOffset,
            UnreadableInput = new UnreadableInput(rawKey, rawValue, error),
        };
    }
}
