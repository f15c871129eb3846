using KConnector.Connectors;
using KConnector.Kafka;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// What the spec tests of the connector projects share (linked into each): run a generated worker
/// until a condition holds (bounded), produce test records, read a topic back.
/// </summary>
internal static class SpecWorkers
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task RunUntilAsync(IConnectorWorker worker, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        var started = DateTime.UtcNow;
        while (!done() && DateTime.UtcNow - started < Deadline && !run.IsCompleted)
        {
            await Task.Delay(100);
        }
        // Linger: a duplicate delivery would show now.
        await Task.Delay(300);
        await stop.CancelAsync();
        await run;
    }

    /// <summary>
    /// The values of partition 0 of <paramref name="topic"/> from the start: <paramref name="count"/>
    /// of them, and then nothing more (a record produced twice would show).
    /// </summary>
    public static List<byte[]> ReadTopic(EmbeddedKafka kafka, string topic, int count)
    {
        using var consumer = new Confluent.Kafka.ConsumerBuilder<byte[], byte[]>(
            new Confluent.Kafka.ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "spec-check-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new Confluent.Kafka.TopicPartitionOffset(topic, 0, 0));
        var values = new List<byte[]>();
        var started = DateTime.UtcNow;
        while (values.Count < count && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } message })
            {
                values.Add(message.Value);
            }
        }
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));
        return values;
    }

    /// <summary>
    /// Produces <paramref name="count"/> records (string keys "order-i" unless <paramref name="key"/>
    /// is given, or null keys with <paramref name="nullKeys"/>) and waits for them.
    /// </summary>
    public static void Produce(
        EmbeddedKafka kafka,
        string topic,
        int count,
        Func<int, byte[]> value,
        Func<int, byte[]>? key = null,
        bool nullKeys = false
    )
    {
        using var producer = new Confluent.Kafka.ProducerBuilder<byte[], byte[]>(
            new Confluent.Kafka.ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        for (var i = 0; i < count; i++)
        {
            producer.Produce(
                topic,
                new()
                {
                    Key = nullKeys
                        ? null!
                        : key?.Invoke(i)
                            ?? System.Text.Encoding.UTF8.GetBytes(
                                "order-"
                                    + i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                            ),
                    Value = value(i),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
