using System.Text;
using KConnector.Converters.Headers;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>StringConverter</c>: strings as bytes in an encoding, UTF-8 by default
/// (<c>converter.encoding</c>). Null stays null. Also a header converter, as Connect's is: a header
/// value is written as its string form (a non-string value as the SimpleHeaderConverter writes it)
/// and read back as a STRING.
/// </summary>
public sealed class StringConverter : IConverter<string>, IHeaderConverter
{
    private readonly Encoding _encoding;

    /// <summary>Creates a converter for <paramref name="encoding"/>, UTF-8 when null.</summary>
    public StringConverter(Encoding? encoding = null)
    {
        _encoding = encoding ?? ConverterConfig.StrictUtf8;
    }

    /// <summary>Creates a converter from its config (<c>converter.encoding</c>).</summary>
    public StringConverter(ConverterConfig config)
        : this(config?.Encoding) { }

    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, string? value) =>
        value is null ? null : _encoding.GetBytes(value);

    /// <inheritdoc />
    public string? ToConnectData(string topic, byte[]? data)
    {
        if (data is null)
        {
            return null;
        }
        try
        {
            return _encoding.GetString(data);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataException(
                $"Record from topic '{topic}' is not valid {_encoding.WebName}: {e.Message}",
                e
            );
        }
    }

    /// <inheritdoc />
    public byte[]? FromConnectHeader(string topic, string headerKey, HeaderValue value) =>
        value.Type == HeaderValueType.Null
            ? null
            : _encoding.GetBytes(
                value.Type == HeaderValueType.String
                    ? value.Text!
                    : SimpleHeaderConverter.ToText(value)
            );

    /// <inheritdoc />
    public HeaderValue ToConnectHeader(string topic, string headerKey, byte[]? value)
    {
        try
        {
            return HeaderValue.FromString(ToConnectData(topic, value));
        }
        catch (DataException e)
        {
            throw new DataException(
                $"Header '{headerKey}' of a record from topic '{topic}' is not valid {_encoding.WebName}.",
                e
            );
        }
    }
}
