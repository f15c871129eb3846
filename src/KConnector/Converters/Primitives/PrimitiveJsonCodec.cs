using System.Text.Json;
using KConnector.Converters.Json;

namespace KConnector.Converters.Primitives;

/// <summary>
/// A compiled chain's primitive output for the JsonConverter: the Connect schema of the primitive
/// (read from the Avro schema the build derived, as AvroData would give it back) and the payload
/// JsonConverter writes for it.
/// </summary>
/// <typeparam name="T">The primitive's C# type.</typeparam>
internal sealed class PrimitiveJsonCodec<T> : IJsonCodec<T>
{
    private readonly PrimitiveCodec<T> _codec;

    public PrimitiveJsonCodec(string avroSchemaJson, PrimitiveCodec<T> codec)
    {
        Schema = ConnectSchemas.FromAvro(avroSchemaJson);
        _codec = codec;
    }

    /// <inheritdoc />
    public ConnectSchema Schema { get; }

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, T value) => _codec.WriteJson(writer, value);

    /// <inheritdoc />
    public T Read(ref Utf8JsonReader reader) => _codec.ReadJson(ref reader);
}
