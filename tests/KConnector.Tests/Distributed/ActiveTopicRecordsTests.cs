using System.Text;
using Confluent.Kafka;
using KConnector.Distributed;
using KConnector.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Tests.Distributed;

/// <summary>
/// Active topics (KIP-558) in the status topic, as Kafka Connect's KafkaStatusBackingStore writes
/// and reads them: key <c>status-topic-TOPIC:connector-NAME</c>, value
/// {"topic":{"name","connector","task","discoverTimestamp"}}, a tombstone to forget one.
/// </summary>
public sealed class ActiveTopicRecordsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TopicRecords_HaveConnectsKeyAndValue_ReadConnectsOwn_AndTombstonesForgetThem()
    {
        using var kafka = BackingStoreTopics.ClusterWith(BackingStoreTopics.StatusTopic, 3);
        await using var writer = await kafka.StartStatusStoreAsync();

        await writer.PutTopicAsync(
            new TopicStatus("orders.v1", "my-sink", 1, 1_700_000_000_123),
            CancellationToken.None
        );
        var written = Assert.Single(KafkaBackingStoreTests.ReadAll(kafka, "connect-status"));
        Assert.Equal("status-topic-orders.v1:connector-my-sink", written.Key);
        Assert.Equal(
            """{"topic":{"name":"orders.v1","connector":"my-sink","task":1,"discoverTimestamp":1700000000123}}""",
            written.Value
        );

        // What a Kafka Connect worker wrote (its JsonConverter, schemas off), a key this worker
        // cannot read, and a task status beside them.
        ProduceRaw(
            kafka,
            (
                "status-topic-payments:connector-my-sink",
                """
                { "topic": { "discoverTimestamp": 1699999999999, "task": 0,
                  "connector": "my-sink", "name": "payments" } }
                """
            ),
            ("status-topic-no-separator", """{"topic":{"name":"x"}}"""),
            ("status-topic-:connector-my-sink", """{"topic":{"name":""}}""")
        );
        await using var reader = await kafka.StartStatusStoreAsync();
        Assert.Equal(
            [
                new TopicStatus("orders.v1", "my-sink", 1, 1_700_000_000_123),
                new TopicStatus("payments", "my-sink", 0, 1_699_999_999_999),
            ],
            reader.TopicsOf("my-sink")
        );
        Assert.Empty(reader.TopicsOf("other"));
        Assert.Empty(reader.All); // No unit status was made of the topic records.

        await writer.DeleteTopicAsync("my-sink", "orders.v1", CancellationToken.None);
        Assert.Contains(
            ("status-topic-orders.v1:connector-my-sink", (string?)null),
            KafkaBackingStoreTests.ReadAll(kafka, "connect-status")
        );
        await reader.ReadToEndAsync(CancellationToken.None);
        Assert.Equal(["payments"], reader.TopicsOf("my-sink").Select(t => t.Topic));
        Assert.Null(reader.GetTopic("my-sink", "orders.v1"));
    }

    [Fact]
    public async Task ATasksFirstRecordToATopic_WritesItOnce_AResetTombstonesIt_AndTheNextRecordWritesItAgain()
    {
        using var kafka = BackingStoreTopics.ClusterWith(BackingStoreTopics.StatusTopic, 1);
        await using var store = await kafka.StartStatusStoreAsync();
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var topics = new StatusTopicActiveTopics(store, NullLogger.Instance, clock);
        var task0 = topics.RecorderFor("orders-source", 0);
        var task1 = topics.RecorderFor("orders-source", 1);

        for (var i = 0; i < 500; i++)
        {
            task0("orders");
        }
        await UntilAsync(() => topics.Get("orders-source").SequenceEqual(["orders"]));
        task1("orders"); // Already recorded by task 0: nothing written.
        clock.Now = clock.Now.AddSeconds(5);
        task1("refunds");
        await UntilAsync(() => topics.Get("orders-source").Count == 2);

        var records = KafkaBackingStoreTests.ReadAll(kafka, "connect-status");
        Assert.Equal(
            [
                "status-topic-orders:connector-orders-source",
                "status-topic-refunds:connector-orders-source",
            ],
            records.Select(r => r.Key)
        );
        Assert.Equal(
            new TopicStatus("refunds", "orders-source", 1, 1_700_000_005_000),
            store.GetTopic("orders-source", "refunds")
        );

        topics.Reset("orders-source");
        await UntilAsync(() => topics.Get("orders-source").Count == 0);
        records = KafkaBackingStoreTests.ReadAll(kafka, "connect-status");
        Assert.Equal([(string?)null, null], records.Skip(2).Select(r => r.Value));
        Assert.Equal(2, records.Skip(2).Select(r => r.Key).Distinct().Count());

        task0("orders");
        await UntilAsync(() => topics.Get("orders-source").SequenceEqual(["orders"]));
        Assert.Equal(5, KafkaBackingStoreTests.ReadAll(kafka, "connect-status").Count);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {Wait}.");
            await Task.Delay(50);
        }
    }

    private static void ProduceRaw(EmbeddedKafka kafka, params (string Key, string Value)[] records)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(
                "connect-status",
                new Message<byte[], byte[]>
                {
                    Key = Encoding.UTF8.GetBytes(key),
                    Value = Encoding.UTF8.GetBytes(value),
                }
            );
        }
        producer.Flush(Wait);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
