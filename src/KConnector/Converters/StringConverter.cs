using System.Text;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>StringConverter</c>: strings as bytes in an encoding, UTF-8 by default
/// (<c>converter.encoding</c>).
/// </summary>
public sealed class StringConverter : IConverter<string>
{
    private readonly Encoding _encoding;

    /// <summary>Creates a converter for <paramref name="encoding"/>, UTF-8 when null.</summary>
    public StringConverter(Encoding? encoding = null)
    {
        _encoding =
            encoding
            ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    }

    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, string? value) =>
        value is null ? null : _encoding.GetBytes(value);

    /// <inheritdoc />
    public string? ToConnectData(string topic, byte[]? data) =>
        data is null ? null : _encoding.GetString(data);
}
