using System.Text;

namespace KConnector.Avro;

/// <summary>The uuid logical type on string (spec "UUID"): RFC 4122 text.</summary>
public static class AvroUuid
{
    /// <summary>Parses the UTF-8 text of a uuid read from <paramref name="field"/>.</summary>
    public static Guid Parse(ReadOnlySpan<byte> utf8, string field, int position)
    {
        Span<char> chars = stackalloc char[64];
        if (
            utf8.Length > chars.Length
            || !Guid.TryParse(chars[..Encoding.ASCII.GetChars(utf8, chars)], out var value)
        )
        {
            throw new AvroDecodeException(field, position, "the string is not a UUID");
        }
        return value;
    }

    /// <summary>Parses a uuid string read through schema resolution.</summary>
    public static Guid Parse(string text, string field) =>
        Guid.TryParse(text, out var value)
            ? value
            : throw new AvroDecodeException(field, 0, $"the string '{text}' is not a UUID");
}
