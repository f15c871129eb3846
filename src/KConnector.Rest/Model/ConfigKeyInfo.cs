using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>
/// Kafka Connect's <c>ConfigKeyInfo</c>: one key's definition, as <c>GET /connector-plugins/{type}/config</c>
/// (KIP-769) and each entry of a validation answer show it.
/// </summary>
/// <param name="Name">The key.</param>
/// <param name="Type">BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS or PASSWORD.</param>
/// <param name="Required">Whether it has no default.</param>
/// <param name="DefaultValue">The default as text; null when required.</param>
/// <param name="Importance">HIGH, MEDIUM or LOW.</param>
/// <param name="Documentation">What it does.</param>
/// <param name="Group">The group it is shown under.</param>
/// <param name="OrderInGroup">Its place in the group (Connect's <c>order</c>).</param>
/// <param name="Width">SHORT, MEDIUM, LONG or NONE.</param>
/// <param name="DisplayName">The name shown to users.</param>
/// <param name="Dependents">Keys whose meaning depends on it.</param>
public sealed record ConfigKeyInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("default_value")] string? DefaultValue,
    [property: JsonPropertyName("importance")] string Importance,
    [property: JsonPropertyName("documentation")] string Documentation,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("order")] int OrderInGroup,
    [property: JsonPropertyName("width")] string Width,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("dependents")] IReadOnlyList<string> Dependents
);
