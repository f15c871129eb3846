using System.Text.Json;
using KConnector.Converters.Json;

namespace KConnector.Converters.Primitives;

/// <summary>
/// A compiled chain's primitive output for the JsonConverter: the Connect schema of the primitive
/// (read from the Avro schema the build derived, as AvroData would give it back, with the name and
/// version SetSchemaMetadata gave it) and the payload
/// JsonConverter writes for it.
/// </summary>
/// <typeparam name="T">The primitive's C# type.</typeparam>
internal sealed class PrimitiveJsonCodec<T> : IJsonCodec<T>
{
    private readonly PrimitiveCodec<T> _codec;

    public PrimitiveJsonCodec(string avroSchemaJson, PrimitiveCodec<T> codec)
    {
        Schema = Named(ConnectSchemas.FromAvro(avroSchemaJson), avroSchemaJson);
        _codec = codec;
    }

    // A primitive SetSchemaMetadata named: AvroData's connect.name and connect.version, which
    // Connect's JsonConverter writes in the envelope as the schema's name and version.
    private static ConnectSchema Named(ConnectSchema schema, string avroSchemaJson)
    {
        using var document = JsonDocument.Parse(avroSchemaJson);
        var type = document.RootElement;
        if (type.ValueKind == JsonValueKind.Array)
        {
            type = type[1];
        }
        if (type.ValueKind != JsonValueKind.Object || type.TryGetProperty("logicalType", out _))
        {
            return schema;
        }
        return schema with
        {
            Name = type.TryGetProperty("connect.name", out var name)
                ? name.GetString()
                : schema.Name,
            Version = type.TryGetProperty("connect.version", out var version)
                ? version.GetInt32()
                : schema.Version,
        };
    }

    /// <inheritdoc />
    public ConnectSchema Schema { get; }

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, T value) => _codec.WriteJson(writer, value);

    /// <inheritdoc />
    public T Read(ref Utf8JsonReader reader) => _codec.ReadJson(ref reader);
}
