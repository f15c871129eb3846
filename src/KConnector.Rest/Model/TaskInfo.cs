using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>TaskInfo</c>: an entry of <c>GET /connectors/{name}/tasks</c>.</summary>
/// <param name="Id">The task.</param>
/// <param name="Config">The task's config: the connector's, with its task id (secrets hidden).</param>
public sealed record TaskInfo(
    [property: JsonPropertyName("id")] ConnectorTaskId Id,
    [property: JsonPropertyName("config")] IReadOnlyDictionary<string, string> Config
);
