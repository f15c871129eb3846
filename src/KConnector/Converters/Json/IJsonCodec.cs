using System.Text.Json;

namespace KConnector.Converters.Json;

/// <summary>
/// How the JsonConverter writes and reads one type without reflection, and the Kafka Connect schema it
/// puts in the envelope when <c>schemas.enable=true</c>.
/// </summary>
/// <typeparam name="T">The typed key or value.</typeparam>
public interface IJsonCodec<T>
{
    /// <summary>The Connect schema of <typeparamref name="T"/>.</summary>
    ConnectSchema Schema { get; }

    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    void Write(Utf8JsonWriter writer, T value);

    /// <summary>Reads one JSON value; <paramref name="reader"/> is at its first token.</summary>
    T Read(ref Utf8JsonReader reader);
}
