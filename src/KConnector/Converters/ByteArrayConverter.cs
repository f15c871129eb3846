namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>ByteArrayConverter</c>: bytes pass through unchanged (the same array, no copy).
/// Null stays null.
/// </summary>
public sealed class ByteArrayConverter : IConverter<byte[]>
{
    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, byte[]? value) => value;

    /// <inheritdoc />
    public byte[]? ToConnectData(string topic, byte[]? data) => data;
}
