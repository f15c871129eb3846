using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Converters;
using KConnector.Converters.Json;

namespace KConnector.Json;

/// <summary>
/// A schemaless JSON key or value as a spec's generated worker carries it: Kafka Connect's schemaless
/// data (the Map, List or primitive its JsonConverter gives with <c>schemas.enable=false</c>), held as a
/// <see cref="JsonNode"/>. A spec whose side names no schema file and whose converter is the
/// JsonConverter gets this type, so Kafka Connect's field-level transformations run on it at run time
/// as on a hosted worker's <see cref="JsonNode"/>.
/// </summary>
/// <remarks>
/// A wrapper rather than <see cref="JsonNode"/> itself because the built-in sinks take any
/// <see cref="IJsonRecord{TSelf}"/> (they write the value as JSON), which <see cref="JsonNode"/>
/// cannot implement; the sinks need no change.
/// </remarks>
/// <param name="node">The JSON value; null is a tombstone, never wrapped.</param>
public sealed class SchemalessJson(JsonNode node)
    : IJsonRecord<SchemalessJson>,
        IConverterFormatsProvider<SchemalessJson>
{
    /// <summary>The JSON value (a <see cref="JsonObject"/> for a record).</summary>
    public JsonNode Node { get; } = node ?? throw new ArgumentNullException(nameof(node));

    /// <summary>Only the JsonConverter carries it (with <c>schemas.enable=true</c>, in an envelope whose schema is null).</summary>
    public static ConverterFormats<SchemalessJson> Formats =>
        ConverterFormats.Json(static () => SchemalessJsonCodec.Instance);

    /// <inheritdoc />
    public static void WriteJson(Utf8JsonWriter writer, SchemalessJson value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Node.WriteTo(writer);
    }

    /// <summary>The value as compact JSON text.</summary>
    public override string ToString() => Node.ToJsonString();
}
