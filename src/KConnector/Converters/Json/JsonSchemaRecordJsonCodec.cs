using System.Text.Json;
using KConnector.Json;

namespace KConnector.Converters.Json;

/// <summary>A type generated from a JSON Schema, for the JsonConverter: its own reader and writer, and a Connect
/// schema derived from its JSON Schema (<see cref="ConnectSchemas.FromJsonSchema(string)"/>).</summary>
/// <typeparam name="T">The generated type.</typeparam>
public sealed class JsonSchemaRecordJsonCodec<T> : IJsonCodec<T>
    where T : IJsonSchemaRecord<T>
{
    /// <inheritdoc />
    public ConnectSchema Schema { get; } = ConnectSchemas.FromJsonSchema(T.JsonSchemaText);

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, T value) => T.WriteJson(writer, value);

    /// <inheritdoc />
    public T Read(ref Utf8JsonReader reader) => T.ReadJson(ref reader);
}
