using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>ConfigInfo</c>: one key of a validation answer, its definition and its value.</summary>
/// <param name="Definition">The key's definition.</param>
/// <param name="Value">The value given and its errors.</param>
public sealed record ConfigInfo(
    [property: JsonPropertyName("definition")] ConfigKeyInfo Definition,
    [property: JsonPropertyName("value")] ConfigValueInfo Value
);
