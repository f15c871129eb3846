using System.Text;
using Confluent.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>Reads a whole topic from its beginning, as an independent consumer sees it.</summary>
public static class TopicContents
{
    /// <summary>Every value of <paramref name="topic"/> (of <paramref name="partitionCount"/> partitions) as UTF-8 text, up to each partition's end now.</summary>
    public static IReadOnlyList<string> Values(
        string bootstrapServers,
        string topic,
        int partitionCount
    ) =>
        Records(bootstrapServers, topic, partitionCount)
            .Select(r => r.Value is null ? "" : Encoding.UTF8.GetString(r.Value))
            .ToList();

    /// <summary>Every record's key and value bytes of <paramref name="topic"/> (of <paramref name="partitionCount"/> partitions), up to each partition's end now.</summary>
    public static IReadOnlyList<(byte[]? Key, byte[]? Value)> Records(
        string bootstrapServers,
        string topic,
        int partitionCount
    ) => [.. Messages(bootstrapServers, topic, partitionCount).Select(m => (m.Key, m.Value))];

    /// <summary>Every record of <paramref name="topic"/> (of <paramref name="partitionCount"/> partitions) with its headers, up to each partition's end now.</summary>
    public static IReadOnlyList<Message<byte[]?, byte[]?>> Messages(
        string bootstrapServers,
        string topic,
        int partitionCount
    )
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "topic-contents-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        var partitions = Enumerable
            .Range(0, partitionCount)
            .Select(p => new TopicPartition(topic, p))
            .ToList();
        var ends = partitions.ToDictionary(
            p => p.Partition.Value,
            p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value
        );
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var records = new List<Message<byte[]?, byte[]?>>();
        var read = partitions.ToDictionary(p => p.Partition.Value, _ => 0L);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (read.Any(r => r.Value < ends[r.Key]) && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            read[result.Partition.Value] = result.Offset.Value + 1;
            records.Add(result.Message);
        }
        return records;
    }
}
