using KConnector.Kafka;
using Microsoft.Extensions.Logging;

namespace KConnector.Hosting;

// Kafka Connect's GET / answers the id of the cluster the worker uses (kafka_cluster_id).
public sealed partial class ConnectWorker
{
    // How long GET / waits for a broker's Metadata answer before saying it does not know.
    private static readonly TimeSpan ClusterIdTimeout = TimeSpan.FromSeconds(5);
    private string? _kafkaClusterId;

    /// <inheritdoc/>
    public async Task<string?> GetKafkaClusterIdAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _kafkaClusterId) is { } known)
        {
            return known;
        }
        var servers = BootstrapServers;
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        // The worker's producer.* settings (security, SASL, ...): what its source tasks connect with.
        foreach (var (key, value) in _options.Settings)
        {
            if (key.StartsWith("producer.", StringComparison.Ordinal))
            {
                config[key["producer.".Length..]] = value;
            }
        }
        config["bootstrap.servers"] = servers;
        var id = await Task.Run(
                () => KafkaClusterId.Query(config, ClusterIdTimeout),
                cancellationToken
            )
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        if (id is null)
        {
            LogClusterIdUnknown(
                _logger,
                Configuration.UrlRedaction.RedactIn(servers) ?? "",
                (int)ClusterIdTimeout.TotalSeconds
            );
            return null;
        }
        Volatile.Write(ref _kafkaClusterId, id);
        return id;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The Kafka cluster at {Servers} did not tell its id within {Seconds} s (unreachable, or a broker older than 0.10.1): GET / answers kafka_cluster_id null"
    )]
    private static partial void LogClusterIdUnknown(ILogger logger, string servers, int seconds);
}
