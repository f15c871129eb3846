using KConnector.Errors;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;

namespace KConnector.Tests.Worker;

public sealed class ConnectorConfigTests
{
    private static ConnectorConfig Parse(params (string Key, string Value)[] settings) =>
        ConnectorConfig.Parse(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));

    [Fact]
    public void WorkerKeys_AreWorkerConfigDefinitionsKeys_AndBootstrapServers()
    {
        // Derived from the one definition: a key added to WorkerConfigDefinition is a worker key.
        var defined = KConnector
            .Configuration.Framework.WorkerConfigDefinition.Definition.Keys.Select(k => k.Name)
            .Append("bootstrap.servers")
            .Order(StringComparer.Ordinal);

        Assert.Equal(defined, ConnectorConfig.WorkerKeyNames.Order(StringComparer.Ordinal));
        Assert.True(ConnectorConfig.IsWorkerKey("offset.storage.file.filename"));
        Assert.True(ConnectorConfig.IsWorkerKey("producer.linger.ms"));
        Assert.False(ConnectorConfig.IsWorkerKey("producer.override.linger.ms"));
        Assert.False(ConnectorConfig.IsWorkerKey("tasks.max"));
    }

    [Fact]
    public void Parse_OnlyName_GivesKafkaConnectDefaults()
    {
        var config = Parse(("name", "orders"));

        Assert.Equal("orders", config.Name);
        Assert.Equal(1, config.TasksMax);
        Assert.Equal(ErrorTolerance.None, config.Errors.Tolerance);
        Assert.Equal(TimeSpan.Zero, config.Errors.RetryTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(60_000), config.Errors.RetryDelayMax);
        Assert.False(config.Errors.LogEnable);
        Assert.False(config.Errors.LogIncludeMessages);
        Assert.Null(config.Errors.DeadLetterQueueTopicName);
        Assert.Equal(3, config.Errors.DeadLetterQueueTopicReplicationFactor);
        Assert.False(config.Errors.DeadLetterQueueContextHeadersEnable);
        Assert.Equal(TimeSpan.FromMilliseconds(60_000), config.OffsetFlushInterval);
        Assert.Null(config.BootstrapServers);
    }

    [Fact]
    public void Parse_EveryErrorsKey_IsRead()
    {
        var config = Parse(
            ("name", "orders"),
            ("tasks.max", "4"),
            ("topics", "a, b"),
            ("errors.tolerance", "all"),
            ("errors.retry.timeout", "-1"),
            ("errors.retry.delay.max.ms", "5000"),
            ("errors.log.enable", "true"),
            ("errors.log.include.messages", "true"),
            ("errors.deadletterqueue.topic.name", "dlq"),
            ("errors.deadletterqueue.topic.replication.factor", "1"),
            ("errors.deadletterqueue.context.headers.enable", "true"),
            ("offset.storage.file.filename", "/tmp/offsets.json"),
            ("offset.flush.interval.ms", "1000"),
            ("consumer.fetch.min.bytes", "10")
        );

        Assert.Equal(4, config.TasksMax);
        Assert.Equal(["a", "b"], config.Topics);
        Assert.Equal(ErrorTolerance.All, config.Errors.Tolerance);
        Assert.Equal(Timeout.InfiniteTimeSpan, config.Errors.RetryTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), config.Errors.RetryDelayMax);
        Assert.True(config.Errors.LogEnable);
        Assert.True(config.Errors.LogIncludeMessages);
        Assert.Equal("dlq", config.Errors.DeadLetterQueueTopicName);
        Assert.Equal(1, config.Errors.DeadLetterQueueTopicReplicationFactor);
        Assert.True(config.Errors.DeadLetterQueueContextHeadersEnable);
        Assert.Equal("/tmp/offsets.json", config.OffsetStorageFileName);
        Assert.Equal(TimeSpan.FromSeconds(1), config.OffsetFlushInterval);
        Assert.Equal("10", config.ConsumerConfig["fetch.min.bytes"]);
    }

    [Fact]
    public void Parse_UnknownTolerance_NamesTheKeyAndTheAllowedValues()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Parse(("name", "orders"), ("errors.tolerance", "some"))
        );

        Assert.Equal("errors.tolerance", error.Key);
        Assert.Contains("errors.tolerance", error.Message, StringComparison.Ordinal);
        Assert.Contains("some", error.Message, StringComparison.Ordinal);
        Assert.Contains("none, all", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("errors.retry.timeout", "-2")]
    [InlineData("errors.retry.timeout", "soon")]
    [InlineData("errors.retry.delay.max.ms", "0")]
    [InlineData("errors.log.enable", "yes")]
    [InlineData("errors.deadletterqueue.topic.replication.factor", "0")]
    [InlineData("tasks.max", "0")]
    [InlineData("offset.flush.interval.ms", "-1")]
    [InlineData("topics.regex", "(unclosed")]
    public void Parse_BadValue_NamesTheKey(string key, string value)
    {
        var error = Assert.Throws<ConfigException>(() => Parse(("name", "orders"), (key, value)));

        Assert.Equal(key, error.Key);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoName_NamesTheKey()
    {
        var error = Assert.Throws<ConfigException>(() => Parse(("tasks.max", "1")));

        Assert.Equal("name", error.Key);
    }

    [Fact]
    public void ValidateSink_NeitherTopicsNorRegex_NamesTopics()
    {
        var error = Assert.Throws<ConfigException>(() => Parse(("name", "s")).ValidateSink());

        Assert.Equal("topics", error.Key);
    }

    [Fact]
    public void Parse_TopicsAndRegex_AreMutuallyExclusive()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Parse(("name", "s"), ("topics", "a"), ("topics.regex", "a.*"))
        );

        Assert.Equal("topics.regex", error.Key);
    }

    [Fact]
    public void ValidateSink_DeadLetterTopicAmongTopics_IsRejected()
    {
        var config = Parse(
            ("name", "s"),
            ("topics", "a,dlq"),
            ("errors.deadletterqueue.topic.name", "dlq")
        );

        var error = Assert.Throws<ConfigException>(config.ValidateSink);

        Assert.Equal("errors.deadletterqueue.topic.name", error.Key);
    }

    [Fact]
    public void FromConfiguration_FlatAndNestedKeys_AreKafkaConnectKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["name"] = "orders",
                    ["errors.tolerance"] = "all",
                    ["errors:deadletterqueue:topic:name"] = "orders-dlq",
                }
            )
            .Build();

        var config = ConnectorConfig.FromConfiguration(configuration);

        Assert.Equal(ErrorTolerance.All, config.Errors.Tolerance);
        Assert.Equal("orders-dlq", config.Errors.DeadLetterQueueTopicName);
    }

    [Fact]
    public void ToWorkerOptions_SinkTakesConsumerSettings_SourceTakesProducerSettings()
    {
        var config = Parse(
            ("name", "n"),
            ("producer.linger.ms", "20"),
            ("consumer.fetch.min.bytes", "5")
        );

        Assert.Equal(
            "20",
            config.ToWorkerOptions(0, "h:1", isSink: false).ClientConfig["linger.ms"]
        );
        var sink = config.ToWorkerOptions(2, "h:1", isSink: true);
        Assert.Equal("5", sink.ClientConfig["fetch.min.bytes"]);
        Assert.Equal(2, sink.TaskId);
        Assert.Equal("connect-n", sink.GroupId);
    }
}
