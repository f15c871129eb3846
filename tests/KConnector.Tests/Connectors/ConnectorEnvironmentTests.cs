using Confluent.Kafka;
using KConnector.Connectors;
using Microsoft.Extensions.Logging;

namespace KConnector.Tests.Connectors;

/// <summary>
/// The environment generated workers share: one embedded cluster for every worker without
/// <c>bootstrap.servers</c>, which a host can prepare (topics with given partitions) first.
/// </summary>
public class ConnectorEnvironmentTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void EmbeddedCluster_IsTheClusterWorkersWithoutBootstrapServersUse_AndTakesTopics()
    {
        using var environment = new ConnectorEnvironment();

        var cluster = environment.EmbeddedCluster();
        cluster.CreateTopic("orders-dlq", partitions: 1);

        Assert.Same(cluster, environment.EmbeddedCluster());
        Assert.Equal(cluster.BootstrapServers, environment.BootstrapServers(null));
        Assert.Equal(cluster.BootstrapServers, environment.BootstrapServers(" "));
        Assert.Equal("broker:9092", environment.BootstrapServers("broker:9092"));
        using var admin = new AdminClientBuilder(
            new AdminClientConfig { BootstrapServers = environment.BootstrapServers(null) }
        ).Build();
        var topic = admin.GetMetadata("orders-dlq", Bound).Topics.Single();
        Assert.Equal(ErrorCode.NoError, topic.Error.Code);
        Assert.Single(topic.Partitions);
    }

    [Fact]
    public void ExplicitBootstrapServers_NeverStartTheEmbeddedCluster()
    {
        var logger = new CountingLogger();
        using var environment = new ConnectorEnvironment(logger);

        Assert.Equal("broker:9092", environment.BootstrapServers("broker:9092"));

        Assert.Equal(0, logger.Warnings);
        environment.EmbeddedCluster();
        Assert.Equal(1, logger.Warnings);
        environment.EmbeddedCluster();
        Assert.Equal(1, logger.Warnings);
    }

    private sealed class CountingLogger : ILogger<ConnectorEnvironment>
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (
                logLevel == LogLevel.Warning
                && formatter(state, exception).Contains("EMBEDDED", StringComparison.Ordinal)
            )
            {
                Warnings++;
            }
        }
    }
}
