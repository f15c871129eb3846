using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.Worker;

namespace KConnector.Tests.Distributed.ExactlyOnce;

/// <summary>KIP-618's keys, their defaults and Kafka Connect's preflight refusals, each naming its key.</summary>
public sealed class ExactlyOnceSourceSettingsTests
{
    private static Dictionary<string, string> Distributed(
        string support,
        params (string, string)[] more
    )
    {
        var settings = new Dictionary<string, string>
        {
            ["name"] = "orders",
            ["group.id"] = "connect-cluster",
            ["exactly.once.source.support"] = support,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    [Fact]
    public void Defaults_AreConnects_AndTheTransactionalIdIsGroupConnectorTask()
    {
        var config = ConnectorConfig.Parse(
            Distributed("enabled", ("offset.flush.interval.ms", "7000"))
        );

        var settings = config.ExactlyOnce;
        Assert.Equal(ExactlyOnceSupportLevel.Requested, settings.Support);
        Assert.Equal(TransactionBoundary.Poll, settings.Boundary);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.BoundaryInterval);
        Assert.Null(settings.OffsetsTopic);
        Assert.True(settings.Transactional);
        Assert.Equal("connect-cluster-orders-2", settings.TransactionalId("orders", 2));
        Assert.Same(
            settings,
            config.ToWorkerOptions(2, "localhost:9092", isSink: false).ExactlyOnce
        );
        Assert.Null(config.ToWorkerOptions(0, "localhost:9092", isSink: true).ExactlyOnce);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("preparing")]
    public void AWorkerNotEnabled_ProducesWithoutTransactions(string support)
    {
        var config = ConnectorConfig.Parse(Distributed(support));

        Assert.False(config.ExactlyOnce.Transactional);
        Assert.Null(config.ToWorkerOptions(0, "localhost:9092", isSink: false).ExactlyOnce);
    }

    [Fact]
    public void AStandaloneWorker_NeverProducesInTransactions()
    {
        var settings = Distributed("enabled");
        settings.Remove("group.id");

        Assert.False(ConnectorConfig.Parse(settings).ExactlyOnce.Transactional);
    }

    [Fact]
    public void IntervalAndOwnOffsetsTopic_AreRead()
    {
        var settings = ConnectorConfig
            .Parse(
                Distributed(
                    "enabled",
                    ("transaction.boundary", "interval"),
                    ("transaction.boundary.interval.ms", "1500"),
                    ("offsets.storage.topic", "orders-offsets")
                )
            )
            .ExactlyOnce;

        Assert.Equal(TransactionBoundary.Interval, settings.Boundary);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.BoundaryInterval);
        Assert.Equal("orders-offsets", settings.OffsetsTopic);
    }

    [Theory]
    [InlineData("exactly.once.source.support", "on", "disabled, preparing, enabled")]
    [InlineData("exactly.once.support", "always", "requested, required")]
    [InlineData("transaction.boundary", "batch", "poll, interval, connector")]
    [InlineData("transaction.boundary.interval.ms", "-1", "")]
    public void ABadValue_IsRefused_NamingItsKey(string key, string value, string allowed)
    {
        var settings = Distributed("enabled");
        settings[key] = value;

        var error = Assert.Throws<ConfigException>(() => ConnectorConfig.Parse(settings));

        Assert.Equal(key, error.Key);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("preparing")]
    public void Required_OnAWorkerWithoutExactlyOnce_IsRefused(string support)
    {
        var error = Assert.Throws<ConfigException>(() =>
            ConnectorConfig.Parse(Distributed(support, ("exactly.once.support", "required")))
        );

        Assert.Equal("exactly.once.support", error.Key);
        Assert.Equal(
            "This worker does not have exactly-once source support enabled.",
            error.Message
        );
    }

    [Fact]
    public void Required_OfAConnectorThatDeclaresNoSupport_IsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            ConnectorConfig.Parse(Distributed("enabled", ("exactly.once.support", "required")))
        );

        Assert.Equal("exactly.once.support", error.Key);
        Assert.Contains(
            "preflight validation of exactly-once source support",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("\"requested\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorDefinedBoundaries_AreRefused_NoConnectorDefinesThem()
    {
        var error = Assert.Throws<ConfigException>(() =>
            ConnectorConfig.Parse(Distributed("enabled", ("transaction.boundary", "connector")))
        );

        Assert.Equal("transaction.boundary", error.Key);
        Assert.Contains(
            "connector-defined transaction boundaries",
            error.Message,
            StringComparison.Ordinal
        );
    }
}
