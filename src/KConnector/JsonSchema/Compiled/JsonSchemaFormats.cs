using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KConnector.JsonSchema;

/// <summary>
/// The <c>format</c>s compiled validators check, over characters (no allocation). date-time, date
/// and time follow RFC 3339 (what the generated types read); NJsonSchema is looser (it takes
/// "2024" as a date-time): docs/jsonschema.md lists where the two differ.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonSchemaFormats
{
    private static readonly string[] DateTimeForms =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK",
        "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd' 'HH:mm:ssK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly string[] TimeForms =
    [
        "HH:mm:ss",
        "HH:mm:ss.FFFFFFF",
        "HH:mm:ssK",
        "HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>RFC 3339 date-time with a required offset (Z or ±hh:mm).</summary>
    public static bool IsDateTime(ReadOnlySpan<char> text) =>
        text.Length >= 20
        && HasOffset(text)
        && DateTimeOffset.TryParseExact(
            text,
            DateTimeForms,
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out _
        );

    /// <summary>RFC 3339 full-date (yyyy-MM-dd).</summary>
    public static bool IsDate(ReadOnlySpan<char> text) =>
        text.Length == 10
        && DateOnly.TryParseExact(
            text,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out _
        );

    /// <summary>RFC 3339 time, the offset optional (as the generated TimeOnly reads it).</summary>
    public static bool IsTime(ReadOnlySpan<char> text) =>
        text.Length >= 8
        && DateTimeOffset.TryParseExact(
            text,
            TimeForms,
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out _
        );

    /// <summary>RFC 4122 textual form: 8-4-4-4-12 hexadecimal digits.</summary>
    public static bool IsUuid(ReadOnlySpan<char> text) => Guid.TryParseExact(text, "D", out _);

    /// <summary>Any form <see cref="Guid"/> reads (NJsonSchema's "guid").</summary>
    public static bool IsGuid(ReadOnlySpan<char> text) => Guid.TryParse(text, out _);

    /// <summary>An absolute URI: a scheme, then what <see cref="Uri"/> reads.</summary>
    /// <remarks>
    /// RFC 3986 requires a scheme; .NET on Unix also takes "/path" as an absolute (file) URI, and
    /// so does NJsonSchema there, so the scheme is checked first.
    /// </remarks>
    public static bool IsUri(ReadOnlySpan<char> text) =>
        HasScheme(text) && Uri.TryCreate(text.ToString(), UriKind.Absolute, out _);

    private static bool HasScheme(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }
        foreach (var c in text[..colon])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An address: a dot-atom local part, @, and a domain of letter-digit-hyphen labels with at least one dot.</summary>
    public static bool IsEmail(ReadOnlySpan<char> text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && IsDotAtom(text[..at]) && IsDomain(text[(at + 1)..], requireDot: true);
    }

    /// <summary>A host name: labels of letters, digits and hyphens, each 1-63 long, 255 in all.</summary>
    public static bool IsHostname(ReadOnlySpan<char> text) =>
        text.Length <= 255 && IsDomain(text, requireDot: false);

    /// <summary>A dotted-quad IPv4 address.</summary>
    public static bool IsIpV4(ReadOnlySpan<char> text) =>
        text.Count('.') == 3
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>An IPv6 address.</summary>
    public static bool IsIpV6(ReadOnlySpan<char> text) =>
        text.Contains(':')
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Base64 text (NJsonSchema's "byte" and "base64").</summary>
    public static bool IsBase64(ReadOnlySpan<char> text)
    {
        Span<byte> bytes =
            text.Length <= 1024 ? stackalloc byte[text.Length] : new byte[text.Length];
        return Convert.TryFromBase64Chars(text, bytes, out _);
    }

    /// <summary>A <see cref="TimeSpan"/> (NJsonSchema's "time-span").</summary>
    public static bool IsTimeSpan(ReadOnlySpan<char> text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static bool HasOffset(ReadOnlySpan<char> text) =>
        text[^1] is 'Z' or 'z' || (text.Length >= 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static bool IsDotAtom(ReadOnlySpan<char> text)
    {
        if (
            text.Length == 0
            || text[0] == '.'
            || text[^1] == '.'
            || text.IndexOf("..".AsSpan()) >= 0
        )
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || "!#$%&'*+/=?^_`{|}~-".Contains(c)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> text, bool requireDot)
    {
        if (text.Length == 0 || (requireDot && !text.Contains('.')))
        {
            return false;
        }
        foreach (var range in text.Split('.'))
        {
            var label = text[range];
            if (
                label.Length is 0 or > 63
                || label[0] == '-'
                || label[^1] == '-'
                || label.ContainsAnyExcept(HostCharacters)
            )
            {
                return false;
            }
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
        );
}
