using Confluent.Kafka;

namespace KConnector.Worker;

/// <summary>
/// A sink runner's assigned partitions, found per consumed record by topic and partition number
/// without making a <see cref="TopicPartition"/> or hashing one: a sink reads few topics, and most
/// records come from the same topic as the record before. Used by the runner's own loop only.
/// </summary>
internal sealed class SinkPartitions
{
    private readonly Dictionary<TopicPartition, SinkPartition> _all = [];
    private readonly Dictionary<string, SinkPartition?[]> _byTopic = new(StringComparer.Ordinal);
    private string? _lastTopic;
    private SinkPartition?[] _lastPartitions = [];

    /// <summary>Every assigned partition's state.</summary>
    public IEnumerable<SinkPartition> All => _all.Values;

    /// <summary>The state of an assigned partition; null when it is not assigned (any more).</summary>
    public SinkPartition? Find(string topic, int partition)
    {
        if (!string.Equals(topic, _lastTopic, StringComparison.Ordinal))
        {
            if (!_byTopic.TryGetValue(topic, out var partitions))
            {
                return null;
            }
            _lastTopic = topic;
            _lastPartitions = partitions;
        }
        return (uint)partition < (uint)_lastPartitions.Length ? _lastPartitions[partition] : null;
    }

    /// <summary>
    /// Starts a newly assigned partition's state (nothing finished or committed); one assigned
    /// already keeps its state.
    /// </summary>
    public void Assign(TopicPartition topicPartition)
    {
        if (_all.ContainsKey(topicPartition) || topicPartition.Partition.Value < 0)
        {
            return;
        }
        var state = new SinkPartition(topicPartition);
        _all[topicPartition] = state;
        var index = topicPartition.Partition.Value;
        if (!_byTopic.TryGetValue(topicPartition.Topic, out var partitions))
        {
            partitions = [];
        }
        if (index >= partitions.Length)
        {
            Array.Resize(ref partitions, Math.Max(index + 1, partitions.Length * 2));
        }
        partitions[index] = state;
        Replace(topicPartition.Topic, partitions);
    }

    /// <summary>Drops a partition (revoked or lost): records read from it before count for nothing.</summary>
    public void Forget(TopicPartition topicPartition)
    {
        if (!_all.Remove(topicPartition, out var state))
        {
            return;
        }
        state.Assigned = false;
        var partitions = _byTopic[topicPartition.Topic];
        partitions[topicPartition.Partition.Value] = null;
    }

    private void Replace(string topic, SinkPartition?[] partitions)
    {
        _byTopic[topic] = partitions;
        if (string.Equals(topic, _lastTopic, StringComparison.Ordinal))
        {
            _lastPartitions = partitions;
        }
    }
}
