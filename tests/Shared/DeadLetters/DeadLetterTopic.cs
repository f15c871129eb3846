using System.Text;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Testing.DeadLetters;

/// <summary>
/// What the sinks' dead-letter tests check through the worker: the dead-letter topic's records
/// (bounded waits, and nothing more afterwards) and the connector group's committed offsets.
/// </summary>
internal static class DeadLetterTopic
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Every record of <paramref name="topic"/> once <paramref name="expected"/> arrived (or the
    /// deadline passed), plus any that follow within half a second: an extra one would show.
    /// </summary>
    public static List<Message<byte[], byte[]>> Read(
        EmbeddedKafka kafka,
        string topic,
        int expected
    )
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "dlq-reader-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Subscribe(topic);
        var messages = new List<Message<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + Deadline;
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } r)
            {
                messages.Add(r.Message);
            }
        }
        if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { IsPartitionEOF: false } extra)
        {
            messages.Add(extra.Message);
        }
        consumer.Close();
        return messages;
    }

    /// <summary>The UTF-8 text of the last header <paramref name="name"/>, or null.</summary>
    public static string? Header(Message<byte[], byte[]> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var bytes)
            ? Encoding.UTF8.GetString(bytes)
            : null;

    /// <summary>
    /// Whether group <paramref name="group"/> committed the end of every partition of
    /// <paramref name="topic"/> before the deadline.
    /// </summary>
    public static bool CommittedToEnd(
        EmbeddedKafka kafka,
        string group,
        string topic,
        int partitions,
        TimeSpan? wait = null
    )
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = group }
        ).Build();
        var all = Enumerable
            .Range(0, partitions)
            .Select(p => new TopicPartition(topic, p))
            .ToList();
        var high = all.Select(p =>
                consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value
            )
            .ToList();
        var deadline = DateTime.UtcNow + (wait ?? Deadline);
        while (DateTime.UtcNow < deadline)
        {
            var committed = consumer
                .Committed(all, TimeSpan.FromSeconds(10))
                .Select(c => c.Offset.Value)
                .ToList();
            if (committed.SequenceEqual(high))
            {
                return true;
            }
            Thread.Sleep(200);
        }
        return false;
    }
}
