namespace KConnector.Records;

/// <summary>
/// Where Kafka stored a produced record, as Kafka's <c>RecordMetadata</c>: handed to a source
/// task's <c>CommitRecord</c> hook once the record is acknowledged.
/// </summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The record's offset in the partition.</param>
/// <param name="Timestamp">The record's timestamp as stored.</param>
public sealed record RecordMetadata(
    string Topic,
    int Partition,
    long Offset,
    DateTimeOffset Timestamp
);
