using Confluent.Kafka;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// Reads a whole topic written in transactions with a read_committed consumer: such a topic ends
/// with a transaction marker no record carries, so a partition's end is its EOF, not the offset of
/// its last record (as <see cref="Reliability.TopicReader"/> assumes).
/// </summary>
internal static class TransactionalTopicReader
{
    public static List<ConsumeResult<byte[]?, byte[]?>> ReadAll(
        string bootstrapServers,
        string topic,
        TimeSpan timeout
    )
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "reader-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
                IsolationLevel = IsolationLevel.ReadCommitted,
                EnablePartitionEof = true,
            }
        ).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var waiting = admin
            .GetMetadata(topic, timeout)
            .Topics.Single()
            .Partitions.Select(p => p.PartitionId)
            .ToHashSet();
        consumer.Assign(waiting.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var records = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } result)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                waiting.Remove(result.Partition.Value);
                continue;
            }
            records.Add(result);
        }
        Assert.True(waiting.Count == 0, $"Could not read {topic} to its end within {timeout}.");
        return records;
    }
}
