using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>
/// A Kafka Connect schema (<c>org.apache.kafka.connect.data.Schema</c>) as the JsonConverter writes
/// it in the <c>"schema"</c> half of its envelope: <c>type</c> (struct, string, int8..int64, float,
/// double, boolean, bytes, array, map), <c>fields</c> or <c>items</c>/<c>keys</c>/<c>values</c>,
/// <c>optional</c>, then <c>name</c> and <c>version</c> when set, in the order
/// <c>JsonConverter.asJsonSchema</c> writes them.
/// </summary>
/// <param name="Type">Connect's type name as JSON writes it (<c>float</c> and <c>double</c> for FLOAT32/FLOAT64).</param>
/// <param name="Optional">Whether null is allowed.</param>
public sealed record ConnectSchema(string Type, bool Optional)
{
    /// <summary>The schema's name (a struct's record name, or a logical type such as <c>org.apache.kafka.connect.data.Timestamp</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The schema's version, written when set (logical types use 1).</summary>
    public int? Version { get; init; }

    /// <summary>A struct's fields, in order.</summary>
    public IReadOnlyList<ConnectField> Fields { get; init; } = [];

    /// <summary>An array's items, or a map's values.</summary>
    public ConnectSchema? Items { get; init; }

    /// <summary>A map's keys.</summary>
    public ConnectSchema? Keys { get; init; }

    /// <summary>This schema, allowing null.</summary>
    public ConnectSchema AsOptional() => this with { Optional = true };

    /// <summary>Writes the schema as JsonConverter does.</summary>
    public void WriteTo(Utf8JsonWriter writer) => WriteTo(writer, field: null);

    // A struct field is its schema with "field" added last (JsonConverter.asJsonSchema).
    internal void WriteTo(Utf8JsonWriter writer, string? field)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        switch (Type)
        {
            case "struct":
                writer.WriteStartArray("fields");
                foreach (var member in Fields)
                {
                    member.WriteTo(writer);
                }
                writer.WriteEndArray();
                break;
            case "array":
                writer.WritePropertyName("items");
                Items!.WriteTo(writer);
                break;
            case "map":
                writer.WritePropertyName("keys");
                Keys!.WriteTo(writer);
                writer.WritePropertyName("values");
                Items!.WriteTo(writer);
                break;
        }
        writer.WriteBoolean("optional", Optional);
        if (Name is not null)
        {
            writer.WriteString("name", Name);
        }
        if (Version is { } version)
        {
            writer.WriteNumber("version", version);
        }
        if (field is not null)
        {
            writer.WriteString("field", field);
        }
        writer.WriteEndObject();
    }

    /// <summary>The schema as JSON bytes, written once and copied into every envelope.</summary>
    internal byte[] ToUtf8()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteTo(writer);
        }
        return stream.ToArray();
    }
}
