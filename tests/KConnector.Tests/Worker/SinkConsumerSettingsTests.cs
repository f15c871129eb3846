using Confluent.Kafka;
using KConnector.Worker;

namespace KConnector.Tests.Worker;

public sealed class SinkConsumerSettingsTests
{
    [Fact]
    public void WorkerDefaults_BoundThePrefetch_AndANewGroupReadsFromTheStart()
    {
        var config = new ConsumerConfig(SinkConsumerSettings.For(new Dictionary<string, string>()));

        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
        Assert.Equal(16384, config.QueuedMaxMessagesKbytes);
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
                    ["fetch.max.bytes"] = "1048576",
                }
            )
        );

        Assert.Equal(AutoOffsetReset.Latest, config.AutoOffsetReset);
        Assert.Equal(65536, config.QueuedMaxMessagesKbytes);
        Assert.Equal(1048576, config.FetchMaxBytes);
    }
}
