using System.Text.Json;
using System.Text.Json.Nodes;

namespace KConnector.Converters.Json;

/// <summary>
/// Schemaless structured data for the JsonConverter: a <see cref="JsonNode"/>, this runtime's form of
/// the Map / List / primitive values Kafka Connect's JsonConverter gives with <c>schemas.enable=false</c>,
/// and what field-level transforms work on. With <c>schemas.enable=true</c> the envelope's schema is
/// <c>null</c>, as Connect writes it for a value without schema.
/// </summary>
public sealed class JsonNodeJsonCodec : IJsonCodec<JsonNode>
{
    /// <summary>The shared instance.</summary>
    public static JsonNodeJsonCodec Instance { get; } = new();

    /// <summary>No Connect schema: the JsonConverter writes <c>"schema": null</c>.</summary>
    public ConnectSchema Schema { get; } = new("null", Optional: true);

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(writer);
    }

    /// <inheritdoc />
    public JsonNode Read(ref Utf8JsonReader reader) =>
        JsonNode.Parse(ref reader) ?? throw new JsonException("Expected a JSON value, found null.");
}
