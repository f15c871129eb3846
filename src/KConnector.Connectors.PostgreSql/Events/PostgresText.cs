using System.Globalization;
using System.Numerics;
using System.Text;

namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// Reads PostgreSQL's text output (DateStyle ISO, bytea_output hex, the session in UTC) into the
/// numbers Debezium's logical types carry. Both the log (pgoutput sends text) and the snapshot
/// (which selects <c>column::text</c>) go through here, so a row reads the same either way.
/// </summary>
internal static class PostgresText
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>bytea in hex output (<c>\x0a1b</c>).</summary>
    public static byte[] Bytea(string text) =>
        text.StartsWith("\\x", StringComparison.Ordinal)
            ? Convert.FromHexString(text.AsSpan(2))
            : Encoding.UTF8.GetBytes(text);

    /// <summary>A date as days since 1970-01-01 (io.debezium.time.Date).</summary>
    public static int EpochDays(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber
        - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>A timestamp without time zone as microseconds since the epoch (io.debezium.time.MicroTimestamp).</summary>
    public static long EpochMicros(string text)
    {
        var value = DateTime.ParseExact(
            text,
            TimestampFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal
        );
        return (value.Ticks - DateTime.UnixEpoch.Ticks) / 10;
    }

    /// <summary>A timestamp with time zone as ISO-8601 in UTC (io.debezium.time.ZonedTimestamp).</summary>
    public static string ZonedTimestamp(string text)
    {
        // PostgreSQL writes offsets as +HH or +HH:MM; .NET reads +HH:MM.
        var offsetAt = Math.Max(text.LastIndexOf('+'), text.LastIndexOf('-'));
        var normalized = offsetAt > 10 && text.Length - offsetAt == 3 ? text + ":00" : text;
        var value = DateTimeOffset
            .Parse(normalized, CultureInfo.InvariantCulture)
            .ToUniversalTime();
        return value
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)
                .TrimEnd('.') + "Z";
    }

    /// <summary>A time of day as microseconds since midnight (io.debezium.time.MicroTime).</summary>
    public static long MicrosOfDay(string text) =>
        text.StartsWith("24:00:00", StringComparison.Ordinal)
            ? 86_400_000_000L
            : TimeOnly.Parse(text, CultureInfo.InvariantCulture).Ticks / 10;

    /// <summary>The number of digits after the decimal point.</summary>
    public static int ScaleOf(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    /// <summary>The unscaled value of a numeric at <paramref name="scale"/>, big-endian two's complement (Kafka Connect's Decimal).</summary>
    public static byte[] UnscaledBytes(string text, int scale)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        fraction = fraction.Length >= scale ? fraction[..scale] : fraction.PadRight(scale, '0');
        var unscaled = BigInteger.Parse(
            whole + fraction,
            NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture
        );
        return unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
    }

    /// <summary>The elements of a one-dimensional array's text (<c>{1,NULL,"a b"}</c>); null for SQL NULL.</summary>
    public static List<string?> ArrayElements(string text)
    {
        var elements = new List<string?>();
        if (text.Length < 2 || text[0] != '{' || text == "{}")
        {
            return elements;
        }
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c is ',' or '}')
            {
                var element = current.ToString();
                elements.Add(!wasQuoted && element == "NULL" ? null : element);
                current.Clear();
                wasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }
        return elements;
    }
}
