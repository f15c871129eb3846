using KConnector.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors;

/// <summary>
/// What generated workers share in one process: the embedded cluster used when no
/// <c>bootstrap.servers</c> is given (started once, on first use, with a loud warning that its data
/// is not durable). Registered as a singleton with the host's <c>ConnectWorker</c>
/// (<c>AddKConnectorWorker</c>, which the generated <c>Add{Name}Connector</c> extensions call), so
/// every connector in one host, and a sample feeder, meet on the same cluster.
/// </summary>
public sealed class ConnectorEnvironment : IDisposable
{
    /// <summary>The in-memory registry's scope (<c>mock://kconnector</c>) used when no <c>schema.registry.url</c> is given.</summary>
    public const string DefaultRegistryScope = "kconnector";

    private readonly object _gate = new();
    private readonly ILogger _logger;
    private EmbeddedKafka? _embedded;

    /// <summary>Creates the environment.</summary>
    public ConnectorEnvironment(ILogger<ConnectorEnvironment>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// <paramref name="bootstrapServers"/> when given; otherwise the embedded cluster's, starting it
    /// on first use.
    /// </summary>
    public string BootstrapServers(string? bootstrapServers) =>
        string.IsNullOrWhiteSpace(bootstrapServers)
            ? EmbeddedCluster().BootstrapServers
            : bootstrapServers;

    /// <summary>
    /// The embedded cluster the workers without <c>bootstrap.servers</c> use, started now if it
    /// is not yet (with the warning). Its admin API cannot create topics, so a host that wants
    /// topics with given partition counts (a one-partition dead-letter queue, as Kafka Connect
    /// creates it) creates them here before the connectors start; others are auto-created with 4.
    /// </summary>
    public EmbeddedKafka EmbeddedCluster()
    {
        lock (_gate)
        {
            if (_embedded is null)
            {
                _embedded = EmbeddedKafka.Start(
                    brokerCount: 3,
                    initialRebalanceDelay: TimeSpan.Zero
                );
                _logger.LogWarning(
                    "No bootstrap.servers given: running on an EMBEDDED Kafka cluster at {BootstrapServers}. NOTHING IS DURABLE: every record and offset is lost when this process exits. Set bootstrap.servers for real use.",
                    _embedded.BootstrapServers
                );
            }
            return _embedded;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _embedded?.Dispose();
            _embedded = null;
        }
    }
}
