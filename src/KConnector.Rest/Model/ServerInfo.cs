using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>GET /</c> answer (<c>ServerInfo</c>).</summary>
/// <param name="Version">The worker's version (KConnector's).</param>
/// <param name="Commit">The build's commit, or empty when unknown.</param>
/// <param name="KafkaClusterId">The Kafka cluster's id, or null when the cluster does not tell it.</param>
public sealed record ServerInfo(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("kafka_cluster_id")] string? KafkaClusterId
);
