using System.Text.Json;
using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>POST /connectors</c> body: the name, the config and (KIP-980) the initial state.</summary>
/// <param name="Name">The connector's name.</param>
/// <param name="Config">Its config; numbers and booleans are taken as their text, as Connect's string map takes them.</param>
/// <param name="InitialState">RUNNING (the default), PAUSED or STOPPED.</param>
public sealed record CreateConnectorRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("config")] Dictionary<string, JsonElement>? Config,
    [property: JsonPropertyName("initial_state")] string? InitialState
);
