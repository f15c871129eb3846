using Confluent.Kafka;
using KConnector.Worker;

namespace KConnector.Tests.Worker;

public sealed class SinkConsumerSettingsTests
{
    [Fact]
    public void WorkerDefaults_BoundThePrefetch_FetchSoonAfterItDrains_AndANewGroupReadsFromTheStart()
    {
        var config = new ConsumerConfig(SinkConsumerSettings.For(new Dictionary<string, string>()));

        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
        Assert.Equal(4096, config.QueuedMaxMessagesKbytes);
        // librdkafka's 1 s default held every sink to whole-second steps once its queue filled.
        Assert.Equal(10, config.FetchQueueBackoffMs);
    }

    [Fact]
    public void TheConnectorsConsumerSettings_WinOverEveryWorkerDefault()
    {
        // consumer.* / consumer.override.* arrive without their prefix.
        var config = new ConsumerConfig(
            SinkConsumerSettings.For(
                new Dictionary<string, string>
                {
                    ["auto.offset.reset"] = "latest",
                    ["queued.max.messages.kbytes"] = "65536",
                    ["fetch.queue.backoff.ms"] = "1000",
                    ["fetch.max.bytes"] = "1048576",
                }
            )
        );

        Assert.Equal(AutoOffsetReset.Latest, config.AutoOffsetReset);
        Assert.Equal(65536, config.QueuedMaxMessagesKbytes);
        Assert.Equal(1000, config.FetchQueueBackoffMs);
        Assert.Equal(1048576, config.FetchMaxBytes);
    }

    [Fact]
    public void TheTasksConsumer_HasTheSettings_InTheConnectorsGroup_CommittingOnlyThroughTheRunner()
    {
        var config = SinkConsumerSettings.Config(
            new WorkerOptions
            {
                Name = "orders-sink",
                BootstrapServers = "127.0.0.1:9092",
                Topics = ["orders"],
                ClientConfig = new Dictionary<string, string>
                {
                    ["queued.max.messages.kbytes"] = "8192",
                },
            }
        );

        Assert.Equal("127.0.0.1:9092", config.BootstrapServers);
        Assert.Equal("connect-orders-sink", config.GroupId);
        Assert.False(config.EnableAutoCommit);
        Assert.False(config.EnableAutoOffsetStore);
        Assert.Equal(8192, config.QueuedMaxMessagesKbytes);
        Assert.Equal(10, config.FetchQueueBackoffMs);
        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
    }

    [Fact]
    public void ConsumerKeysOfTheProperties_ReachTheTasksConsumer_OverTheWorkerDefaults()
    {
        // The road of a properties file, REST and a hosted worker: ConnectorConfig, then the options.
        var options = ConnectorConfig
            .Parse(
                new Dictionary<string, string>
                {
                    ["name"] = "orders-sink",
                    ["connector.class"] = "FileStreamSink",
                    ["topics"] = "orders",
                    ["consumer.fetch.queue.backoff.ms"] = "250",
                    ["consumer.override.queued.max.messages.kbytes"] = "1024",
                }
            )
            .ToWorkerOptions(0, "127.0.0.1:9092", isSink: true);

        var config = SinkConsumerSettings.Config(options);

        Assert.Equal(250, config.FetchQueueBackoffMs);
        Assert.Equal(1024, config.QueuedMaxMessagesKbytes);
        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
    }
}
