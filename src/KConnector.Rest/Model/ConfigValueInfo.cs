using System.Text.Json.Serialization;

namespace KConnector.Rest.Model;

/// <summary>Kafka Connect's <c>ConfigValueInfo</c>: a key's value in a validation answer, with its errors.</summary>
/// <param name="Name">The key.</param>
/// <param name="Value">The value given (or the default); <c>[hidden]</c> for a secret.</param>
/// <param name="RecommendedValues">The values the key recommends.</param>
/// <param name="Errors">What is wrong with it; empty when valid.</param>
/// <param name="Visible">Whether the key applies to this config.</param>
public sealed record ConfigValueInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("recommended_values")] IReadOnlyList<string> RecommendedValues,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors,
    [property: JsonPropertyName("visible")] bool Visible
);
