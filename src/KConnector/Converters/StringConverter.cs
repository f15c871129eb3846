using System.Text;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>StringConverter</c>: strings as bytes in an encoding, UTF-8 by default
/// (<c>converter.encoding</c>). Null stays null.
/// </summary>
public sealed class StringConverter : IConverter<string>
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
}
