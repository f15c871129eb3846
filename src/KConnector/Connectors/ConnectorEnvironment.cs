using KConnector.Kafka;
using KConnector.SchemaRegistry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors;

/// <summary>
/// What generated workers share in one process: the embedded cluster used when no
/// <c>bootstrap.servers</c> is given (started once, on first use, with a loud warning that its data
/// is not durable) and Schema Registry clients by URL. Registered as a singleton by the generated
/// <c>Add{Name}Connector</c> extensions, so a source and a sink in one host meet on the same cluster.
/// </summary>
public sealed class ConnectorEnvironment : IDisposable
{
    /// <summary>The registry scope used when no <c>schema.registry.url</c> is given.</summary>
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
    public string BootstrapServers(string? bootstrapServers)
    {
        if (!string.IsNullOrWhiteSpace(bootstrapServers))
        {
            return bootstrapServers;
        }
        lock (_gate)
        {
            if (_embedded is null)
            {
                _embedded = EmbeddedKafka.Start(
                    brokerCount: 3,
                    initialRebalanceDelay: TimeSpan.Zero
                );
                _logger.LogWarning(
                    "No bootstrap.servers given: running on an EMBEDDED Kafka cluster at {BootstrapServers}. Its data is NOT durable and is lost when the process ends.",
                    _embedded.BootstrapServers
                );
            }
            return _embedded.BootstrapServers;
        }
    }

    /// <summary>
    /// A Schema Registry client for <paramref name="url"/>: <c>mock://scope</c> (or nothing, meaning
    /// <c>mock://kconnector</c>) is the in-memory registry. Other URLs need the REST client, which
    /// this version does not have yet: they fail with a message saying so.
    /// </summary>
    public static ISchemaRegistryClient SchemaRegistry(string? url, string key)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return new MockSchemaRegistryClient(DefaultRegistryScope);
        }
        const string Mock = "mock://";
        if (url.StartsWith(Mock, StringComparison.OrdinalIgnoreCase))
        {
            return new MockSchemaRegistryClient(url[Mock.Length..]);
        }
        throw new Configuration.ConfigValidationException(
            $"{key}: '{url}' needs a Schema Registry REST client, which this version of KConnector does not have yet; use mock://scope."
        );
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
