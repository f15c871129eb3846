using Confluent.Kafka;

namespace KConnector.Worker;

/// <summary>
/// The producer's destination per record, made once per topic and partition rather than once per
/// record: a source task writes to few topics, and usually hands the same topic string with every
/// record. Used by the task's own loop only (not thread-safe).
/// </summary>
internal sealed class TopicPartitionCache
{
    // Partitions past this are rare; their destinations are made per record.
    private const int MaxCachedPartition = 4096;
    private string? _topic;
    private TopicPartition?[] _byPartition = [];

    /// <summary>The destination of a record for <paramref name="topic"/>; null partition: the partitioner chooses.</summary>
    public TopicPartition For(string topic, int? partition)
    {
        var target = partition ?? Partition.Any.Value;
        var index = target + 1;
        if (index < 0 || index > MaxCachedPartition)
        {
            return new TopicPartition(topic, target);
        }
        if (!ReferenceEquals(topic, _topic))
        {
            // Another topic instance: what was cached belongs to the previous one.
            _topic = topic;
            Array.Clear(_byPartition);
        }
        if (index >= _byPartition.Length)
        {
            Array.Resize(ref _byPartition, Math.Max(index + 1, _byPartition.Length * 2));
        }
        return _byPartition[index] ??= new TopicPartition(topic, target);
    }
}
