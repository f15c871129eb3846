using System.Text.Json;
using KConnector.Json;

namespace KConnector.Converters.Json;

/// <summary>
/// <see cref="SchemalessJson"/> for the JsonConverter: the <see cref="JsonNodeJsonCodec"/>'s reading and
/// writing (no Connect schema: the envelope says <c>"schema": null</c>), around the wrapper.
/// </summary>
public sealed class SchemalessJsonCodec : IJsonCodec<SchemalessJson>
{
    /// <summary>The shared instance.</summary>
    public static SchemalessJsonCodec Instance { get; } = new();

    /// <summary>No Connect schema: the JsonConverter writes <c>"schema": null</c>.</summary>
    public ConnectSchema Schema => JsonNodeJsonCodec.Instance.Schema;

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, SchemalessJson value) =>
        SchemalessJson.WriteJson(writer, value);

    /// <inheritdoc />
    public SchemalessJson Read(ref Utf8JsonReader reader) =>
        new(JsonNodeJsonCodec.Instance.Read(ref reader));
}
