using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>Bytes for the JsonConverter: Connect schema <c>bytes</c>, payload a base64 JSON string (as JsonConverter writes binary).</summary>
public sealed class BytesJsonCodec : IJsonCodec<byte[]>
{
    /// <summary>The shared instance.</summary>
    public static BytesJsonCodec Instance { get; } = new();

    /// <inheritdoc />
    public ConnectSchema Schema { get; } = new("bytes", Optional: false);

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64StringValue(value);
    }

    /// <inheritdoc />
    public byte[] Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetBytesFromBase64()
            : throw new JsonException($"Expected a base64 JSON string, found {reader.TokenType}.");
}
