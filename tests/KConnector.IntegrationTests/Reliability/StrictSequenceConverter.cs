using System.Text;
using System.Text.RegularExpressions;
using KConnector.Converters;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// A converter for "sp-N:seq" values that rejects anything else, as a real converter rejects bytes
/// that are not its format; and rejects writing values containing "bad".
/// </summary>
internal sealed partial class StrictSequenceConverter : IConverter<string>
{
    public byte[]? FromConnectData(string topic, string? value) =>
        value is null ? null
        : value.Contains("bad", StringComparison.Ordinal)
            ? throw new FormatException($"Cannot serialize '{value}' for {topic}.")
        : Encoding.UTF8.GetBytes(value);

    public string? ToConnectData(string topic, byte[]? data)
    {
        if (data is null)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(data);
        return Sequence().IsMatch(text)
            ? text
            : throw new FormatException($"Not a sequence value in {topic}: {data.Length} bytes.");
    }

    [GeneratedRegex(@"^sp-\d+:\d+$")]
    private static partial Regex Sequence();
}
