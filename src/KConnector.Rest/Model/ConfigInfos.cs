using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>ConfigInfos</c>: the answer of <c>PUT /connector-plugins/{type}/config/validate</c>.</summary>
/// <param name="Name">The plugin's class name.</param>
/// <param name="ErrorCount">How many errors there are in all.</param>
/// <param name="Groups">The groups the keys are shown under, in order.</param>
/// <param name="Configs">Every key of the plugin with the value given.</param>
public sealed record ConfigInfos(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("error_count")] int ErrorCount,
    [property: JsonPropertyName("groups")] IReadOnlyList<string> Groups,
    [property: JsonPropertyName("configs")] IReadOnlyList<ConfigInfo> Configs
);
