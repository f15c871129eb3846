using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>ConnectorStateInfo</c>: <c>GET /connectors/{name}/status</c>.</summary>
/// <param name="Name">The connector's name.</param>
/// <param name="Connector">The connector's own state.</param>
/// <param name="Tasks">Each task's state.</param>
/// <param name="Type"><c>source</c> or <c>sink</c>.</param>
public sealed record ConnectorStateInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("connector")] StateInfo Connector,
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskStateInfo> Tasks,
    [property: JsonPropertyName("type")] string Type
);
