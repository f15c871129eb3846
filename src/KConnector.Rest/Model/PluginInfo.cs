using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>PluginInfo</c>: an entry of <c>GET /connector-plugins</c>.</summary>
/// <param name="Class">The plugin's class name.</param>
/// <param name="Type"><c>source</c>, <c>sink</c>, <c>converter</c>, <c>header_converter</c>, <c>transformation</c> or <c>predicate</c>.</param>
/// <param name="Version">The plugin's version.</param>
public sealed record PluginInfo(
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("version")] string Version
);
