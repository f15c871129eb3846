using KConnector.Converters.Headers;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>ByteArrayConverter</c>: bytes pass through unchanged (the same array, no copy).
/// Null stays null. Also a header converter, as Connect's is: header bytes are read as BYTES values
/// and a BYTES value is written as it is; a value of another type is refused, as Connect refuses it.
/// </summary>
public sealed class ByteArrayConverter : IConverter<byte[]>, IHeaderConverter
{
    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, byte[]? value) => value;

    /// <inheritdoc />
    public byte[]? ToConnectData(string topic, byte[]? data) => data;

    /// <inheritdoc />
    public byte[]? FromConnectHeader(string topic, string headerKey, HeaderValue value) =>
        value.Type switch
        {
            HeaderValueType.Null => null,
            HeaderValueType.Bytes => value.Bytes,
            _ => throw new DataException(
                $"Header '{headerKey}' of a record for topic '{topic}' is {value.Type}, but the ByteArrayConverter (header.converter) writes BYTES values only: give the header as bytes, or use the SimpleHeaderConverter."
            ),
        };

    /// <inheritdoc />
    public HeaderValue ToConnectHeader(string topic, string headerKey, byte[]? value) =>
        HeaderValue.FromBytes(value);
}
