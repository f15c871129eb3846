using System.Text;

namespace KConnector.Converters.Headers;

/// <summary>
/// The bytes of a header value where no header converter is at hand (a dead-letter record, a log
/// line): BYTES as they are, anything else in the SimpleHeaderConverter's string form, the
/// documented default. The runners convert a record's own headers through its converter first.
/// </summary>
internal static class HeaderBytes
{
    public static byte[]? Of(HeaderValue value) =>
        value.Type switch
        {
            HeaderValueType.Null => null,
            HeaderValueType.Bytes => value.Bytes,
            _ => Encoding.UTF8.GetBytes(SimpleHeaderConverter.ToText(value)),
        };
}
