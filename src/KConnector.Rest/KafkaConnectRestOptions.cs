namespace KConnector.Rest;

/// <summary>How the REST API answers: the worker's id in status answers and optional basic authentication.</summary>
public sealed class KafkaConnectRestOptions
{
    /// <summary>
    /// The worker's id in status answers (<c>worker_id</c>): Kafka Connect uses the REST
    /// advertised host and port, e.g. <c>127.0.0.1:8083</c>.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>
    /// Users and passwords basic authentication accepts (Kafka Connect's
    /// <c>BasicAuthSecurityRestExtension</c> with a <c>PropertyFileLoginModule</c> file); empty:
    /// no authentication. When set, every endpoint answers 401 without valid credentials.
    /// </summary>
    public IDictionary<string, string> BasicAuthUsers { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The Kafka cluster's id for <c>GET /</c>; null (the default) asks the worker's cluster
    /// (<see cref="Hosting.IConnectorController.GetKafkaClusterIdAsync"/>).
    /// </summary>
    public string? KafkaClusterId { get; set; }
}
