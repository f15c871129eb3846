using KConnector.Configuration;
using KConnector.Distributed;
using KConnector.Kafka;
using KConnector.Tests.Configuration;

namespace KConnector.Tests.Distributed;

/// <summary>
/// The internal topics at a distributed worker's start (Connect's TopicAdmin), on the librdkafka
/// mock cluster: a config topic of several partitions is refused with Connect's message; the mock
/// serves no CreateTopics, so missing topics are named in a warning (an operator creates them)
/// rather than failing the start. docs/distributed.md says what a real broker does.
/// </summary>
public sealed class InternalTopicsTests
{
    private static DistributedConfig Config(EmbeddedKafka kafka, string prefix) =>
        DistributedConfig.From(
            new Dictionary<string, string>
            {
                ["bootstrap.servers"] = kafka.BootstrapServers,
                ["group.id"] = "connect-cluster",
                ["config.storage.topic"] = prefix + "-configs",
                ["offset.storage.topic"] = prefix + "-offsets",
                ["status.storage.topic"] = prefix + "-status",
            }
        );

    [Fact]
    public async Task AConfigTopicOfThreePartitions_IsRefused_AsConnectRefusesIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("wide-configs", 3);

        var refused = await Assert.ThrowsAsync<ConfigValidationException>(() =>
            InternalTopics.EnsureAsync(
                Config(kafka, "wide"),
                new CapturingLogger(),
                CancellationToken.None
            )
        );

        var issue = Assert.Single(refused.Issues);
        Assert.Equal("config.storage.topic", issue.Key);
        Assert.Contains(
            "Topic 'wide-configs' supplied via the 'config.storage.topic' property is required to have a single partition",
            issue.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("but found 3 partitions", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTopics_OnABrokerWithoutCreateTopics_AreNamedInAWarning()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        var logger = new CapturingLogger();

        await InternalTopics.EnsureAsync(Config(kafka, "absent"), logger, CancellationToken.None);

        var warning = Assert.Single(logger.Lines);
        Assert.Contains(
            "The brokers did not create the internal topics absent-configs, absent-offsets, absent-status",
            warning,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task ExistingTopics_OfOnePartitionForConfigs_AreTakenAsTheyAre()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("ready-configs", 1);
        kafka.CreateTopic("ready-offsets", 4);
        kafka.CreateTopic("ready-status", 2);
        var logger = new CapturingLogger();

        await InternalTopics.EnsureAsync(Config(kafka, "ready"), logger, CancellationToken.None);

        Assert.Empty(logger.Lines);
    }
}
