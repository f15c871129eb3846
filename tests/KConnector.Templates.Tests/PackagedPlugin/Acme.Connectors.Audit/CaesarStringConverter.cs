using System.Text;
using KConnector.Converters;

namespace Acme.Connectors.Audit;

/// <summary>Writes strings shifted by <paramref name="shift"/> letters, reads them back.</summary>
public sealed class CaesarStringConverter(int shift) : IConverter<string>
{
    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, string? value) =>
        value is null ? null : Encoding.UTF8.GetBytes(Shift(value, shift));

    /// <inheritdoc />
    public string? ToConnectData(string topic, byte[]? data) =>
        data is null ? null : Shift(Encoding.UTF8.GetString(data), 26 - shift);

    private static string Shift(string text, int by) =>
        string.Concat(
            text.Select(c => c is >= 'a' and <= 'z' ? (char)('a' + (c - 'a' + by) % 26) : c)
        );
}
