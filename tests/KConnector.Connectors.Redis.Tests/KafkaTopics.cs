using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>Reads what the tests check in Kafka: a topic's messages with headers, a group's committed offsets.</summary>
internal static class KafkaTopics
{
    /// <summary>Every message of partition 0 of <paramref name="topic"/> seen within <paramref name="wait"/>.</summary>
    public static List<Message<byte[]?, byte[]?>> Read(
        EmbeddedKafka kafka,
        string topic,
        TimeSpan wait
    )
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "check-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, 0));
        var messages = new List<Message<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } r)
            {
                messages.Add(r.Message);
            }
        }
        return messages;
    }

    /// <summary>The offsets group <paramref name="group"/> committed on partition 0 of <paramref name="topic"/>.</summary>
    public static long Committed(EmbeddedKafka kafka, string group, string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = group }
        ).Build();
        return consumer
            .Committed([new TopicPartition(topic, 0)], TimeSpan.FromSeconds(10))[0]
            .Offset.Value;
    }

    /// <summary>A header's text, or null.</summary>
    public static string? Header(Message<byte[]?, byte[]?> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var bytes)
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;
}
