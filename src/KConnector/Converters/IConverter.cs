namespace KConnector.Converters;

/// <summary>
/// Turns typed keys or values into Kafka bytes and back, as Kafka Connect's <c>Converter</c>
/// (<c>fromConnectData</c> / <c>toConnectData</c>). Null passes through as null (tombstones).
/// One instance serves one task: implementations may reuse buffers without locking.
/// </summary>
/// <typeparam name="T">The typed key or value.</typeparam>
public interface IConverter<T>
{
    /// <summary>Serializes <paramref name="value"/> for <paramref name="topic"/>; null stays null.</summary>
    byte[]? FromConnectData(string topic, T? value);

    /// <summary>Deserializes bytes read from <paramref name="topic"/>; null stays null.</summary>
    T? ToConnectData(string topic, byte[]? data);
}
