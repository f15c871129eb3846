using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>ConnectorInfo</c>: <c>GET /connectors/{name}</c>, and the answer to a create or a config change.</summary>
/// <param name="Name">The connector's name.</param>
/// <param name="Config">Its config, secrets as <c>[hidden]</c>.</param>
/// <param name="Tasks">Its tasks.</param>
/// <param name="Type"><c>source</c> or <c>sink</c>.</param>
public sealed record ConnectorInfoResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("config")] IReadOnlyDictionary<string, string> Config,
    [property: JsonPropertyName("tasks")] IReadOnlyList<ConnectorTaskId> Tasks,
    [property: JsonPropertyName("type")] string Type
);
