using Confluent.Kafka;

namespace KConnector.Worker;

/// <summary>
/// What a sink runner knows of one assigned partition: the offset up to which its records are
/// finished (put and flushed, or failed and tolerated), how many, and what was committed. Each
/// consumed record holds its partition's state, so marking it finished hashes nothing; a partition
/// revoked and assigned again gets a new state, so records read before the revocation count for none.
/// Used by the runner's own loop only (not thread-safe).
/// </summary>
internal sealed class SinkPartition(TopicPartition topicPartition)
{
    public TopicPartition TopicPartition { get; } = topicPartition;

    /// <summary>False once the partition is revoked or lost: its records are then no longer marked.</summary>
    public bool Assigned { get; set; } = true;

    /// <summary>The offset to commit: one past the last finished record; -1 before any.</summary>
    public long Done { get; set; } = -1;

    /// <summary>Records finished since the last commit (the runner's records-committed count).</summary>
    public long DoneCount { get; set; }

    /// <summary>The offset last committed by this runner; -1 before any.</summary>
    public long Committed { get; set; } = -1;

    /// <summary>The marking pass in which an unfinished record stopped this partition.</summary>
    public int StoppedInPass { get; set; }

    /// <summary>Whether finished records wait for a commit.</summary>
    public bool HasUncommitted => Done >= 0 && Done != Committed;
}
