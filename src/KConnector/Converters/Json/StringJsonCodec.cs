using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>Strings for the JsonConverter: Connect schema <c>string</c>, payload a JSON string.</summary>
public sealed class StringJsonCodec : IJsonCodec<string>
{
    /// <summary>The shared instance.</summary>
    public static StringJsonCodec Instance { get; } = new();

    /// <inheritdoc />
    public ConnectSchema Schema { get; } = new("string", Optional: false);

    /// <inheritdoc />
    public void Write(Utf8JsonWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <inheritdoc />
    public string Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected a JSON string, found {reader.TokenType}.");
}
