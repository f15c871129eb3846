using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Configuration;
using KConnector.Distributed;
using KConnector.Hosting;
using KConnector.Kafka;
using KConnector.Worker;

namespace KConnector.Tests.Distributed;

/// <summary>The config and status topics hold Kafka Connect's records, readable by any Kafka client.</summary>
public sealed class KafkaBackingStoreTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheConfigTopic_HoldsConnectsRecords_AndAStoreStartedLaterReadsThemAll()
    {
        using var kafka = BackingStoreTopics.ClusterWith(BackingStoreTopics.ConfigTopic, 1);
        await using var writer = await kafka.StartConfigStoreAsync();
        var config = new Dictionary<string, string> { ["name"] = "orders", ["tasks.max"] = "2" };

        await writer.PutConnectorConfigAsync("orders", config, CancellationToken.None);
        await writer.PutTaskConfigsAsync("orders", [config, config], CancellationToken.None);
        await writer.PutTargetStateAsync("orders", TargetState.STOPPED, CancellationToken.None);
        await writer.PutConnectorConfigAsync("gone", config, CancellationToken.None);
        await writer.RemoveConnectorConfigAsync("gone", CancellationToken.None);

        var records = ReadAll(kafka, "connect-configs");
        Assert.Equal(
            [
                "connector-orders",
                "task-orders-0",
                "task-orders-1",
                "commit-orders",
                "target-state-orders",
                "connector-gone",
                "connector-gone",
                "target-state-gone",
            ],
            records.Select(r => r.Key)
        );
        Assert.Equal(
            "2",
            JsonNode.Parse(records[0].Value!)!["properties"]!["tasks.max"]!.GetValue<string>()
        );
        Assert.Equal(2, JsonNode.Parse(records[3].Value!)!["tasks"]!.GetValue<int>());
        var target = JsonNode.Parse(records[4].Value!)!;
        Assert.Equal("PAUSED", target["state"]!.GetValue<string>()); // What a reader older than KIP-875 knows.
        Assert.Equal("STOPPED", target["state.v2"]!.GetValue<string>());
        Assert.Null(records[6].Value); // Deleting writes tombstones.

        await using var reader = await kafka.StartConfigStoreAsync();
        Assert.Equal(["orders"], reader.Connectors.Keys);
        Assert.Equal(config, reader.Connectors["orders"]);
        Assert.Equal(2, reader.TaskCount("orders"));
        Assert.Equal(TargetState.STOPPED, reader.TargetState("orders"));

        // A running store follows what others write.
        await writer.PutTargetStateAsync("orders", TargetState.PAUSED, CancellationToken.None);
        await reader.ReadToEndAsync(CancellationToken.None);
        Assert.Equal(TargetState.PAUSED, reader.TargetState("orders"));
    }

    [Fact]
    public async Task TheTaskCountRecord_HasConnectsKeyAndValue_AndEndsThePendingFencingOfTheTaskConfigsBeforeIt()
    {
        using var kafka = BackingStoreTopics.ClusterWith(BackingStoreTopics.ConfigTopic, 1);
        await using var store = await kafka.StartConfigStoreAsync();
        var config = new Dictionary<string, string> { ["name"] = "orders", ["tasks.max"] = "3" };
        await store.PutConnectorConfigAsync("orders", config, CancellationToken.None);
        await store.ReadToEndAsync(CancellationToken.None);
        Assert.False(store.PendingFencing("orders")); // No task generation yet.
        Assert.Null(store.TaskCountRecord("orders"));

        await store.PutTaskConfigsAsync("orders", [config, config, config], CancellationToken.None);
        await store.ReadToEndAsync(CancellationToken.None);
        Assert.True(store.PendingFencing("orders"));
        Assert.Equal(1, store.TaskConfigGeneration("orders"));

        await store.PutTaskCountRecordAsync("orders", 3, CancellationToken.None);
        await store.ReadToEndAsync(CancellationToken.None);
        Assert.False(store.PendingFencing("orders"));
        Assert.Equal(3, store.TaskCountRecord("orders"));

        // A new generation (tasks.max 2) is pending again; the record still tells the old count.
        await store.PutTaskConfigsAsync("orders", [config, config], CancellationToken.None);
        await store.ReadToEndAsync(CancellationToken.None);
        Assert.True(store.PendingFencing("orders"));
        Assert.Equal(3, store.TaskCountRecord("orders"));
        Assert.Equal(2, store.TaskConfigGeneration("orders"));

        var record = ReadAll(kafka, "connect-configs").Single(r => r.Key == "tasks-fencing-orders");
        Assert.Equal("""{"task-count":3}""", record.Value);

        // A worker started later reads the same state from the topic.
        await using var later = await kafka.StartConfigStoreAsync();
        Assert.True(later.PendingFencing("orders"));
        Assert.Equal(3, later.TaskCountRecord("orders"));
        await store.PutTaskCountRecordAsync("orders", 2, CancellationToken.None);
        await later.ReadToEndAsync(CancellationToken.None);
        Assert.False(later.PendingFencing("orders"));
        Assert.Equal(2, later.TaskCountRecord("orders"));
    }

    [Fact]
    public async Task TheStatusTopic_HoldsConnectsKeysAndFields()
    {
        using var kafka = BackingStoreTopics.ClusterWith(BackingStoreTopics.StatusTopic, 3);
        await using var writer = await kafka.StartStatusStoreAsync();

        await writer.PutAsync(
            new UnitStatus(new WorkUnit("my-orders", 1), TaskState.FAILED, "boom", "host:8083", 7),
            CancellationToken.None
        );
        await writer.PutAsync(
            new UnitStatus(
                new WorkUnit("my-orders", null),
                TaskState.RUNNING,
                null,
                "host:8083",
                7
            ),
            CancellationToken.None
        );

        var records = ReadAll(kafka, "connect-status")
            .ToDictionary(r => r.Key, r => JsonNode.Parse(r.Value!)!);
        var task = records["status-task-my-orders-1"];
        Assert.Equal("FAILED", task["state"]!.GetValue<string>());
        Assert.Equal("boom", task["trace"]!.GetValue<string>());
        Assert.Equal("host:8083", task["worker_id"]!.GetValue<string>());
        Assert.Equal(7, task["generation"]!.GetValue<int>());
        Assert.Equal("RUNNING", records["status-connector-my-orders"]["state"]!.GetValue<string>());

        await using var reader = await kafka.StartStatusStoreAsync();
        Assert.Equal(TaskState.FAILED, reader.Get(new WorkUnit("my-orders", 1))!.State);
        Assert.Equal("host:8083", reader.Get(new WorkUnit("my-orders", null))!.WorkerId);
    }

    [Fact]
    public void DistributedConfig_NamesEveryMissingKey_AndKeepsConnectsDefaults()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            DistributedConfig.From(new Dictionary<string, string> { ["group.id"] = "cluster" })
        );
        Assert.Equal(
            [
                "bootstrap.servers",
                "config.storage.topic",
                "offset.storage.topic",
                "status.storage.topic",
            ],
            error.Issues.Select(i => i.Key).Order()
        );

        var config = DistributedConfig.From(
            new Dictionary<string, string>
            {
                ["group.id"] = "cluster",
                ["bootstrap.servers"] = "127.0.0.1:9092",
                ["config.storage.topic"] = "c",
                ["offset.storage.topic"] = "o",
                ["status.storage.topic"] = "s",
                ["listeners"] = "http://127.0.0.1:8083",
                ["rest.advertised.host.name"] = "worker-1",
            }
        );
        Assert.Equal(TimeSpan.FromMinutes(5), config.ScheduledRebalanceMaxDelay);
        Assert.Equal(
            (3000, 10000, 60000),
            (config.HeartbeatIntervalMs, config.SessionTimeoutMs, config.RebalanceTimeoutMs)
        );
        Assert.Equal("worker-1:8083", config.WorkerId);
    }

    internal static List<(string Key, string? Value)> ReadAll(EmbeddedKafka kafka, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "kcat-like",
                EnableAutoCommit = false,
            }
        ).Build();
        var records = new List<(string, string?)>();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin
            .GetMetadata(topic, Wait)
            .Topics.Single()
            .Partitions.Select(p => p.PartitionId)
            .ToList();
        var ends = partitions.ToDictionary(
            p => p,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), Wait).High.Value
        );
        consumer.Assign(
            ends.Where(e => e.Value > 0)
                .Select(e => new TopicPartitionOffset(topic, e.Key, Offset.Beginning))
        );
        var deadline = DateTime.UtcNow + Wait;
        var left = ends.Values.Sum();
        while (left > 0 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } m })
            {
                records.Add(
                    (
                        Encoding.UTF8.GetString(m.Key),
                        m.Value is null ? null : Encoding.UTF8.GetString(m.Value)
                    )
                );
                left--;
            }
        }
        Assert.Equal(0, left);
        return records;
    }
}
