using System.Globalization;
using System.Numerics;
using System.Text;

namespace KConnector.Converters.Headers;

/// <summary>
/// Kafka Connect's <c>org.apache.kafka.connect.storage.SimpleHeaderConverter</c> (the default
/// <c>header.converter</c>): values are written as their string form in UTF-8
/// (<c>Values.convertToString</c>: Java's number formatting, ISO dates) and read back by inferring
/// the type from the text (<c>Values.parseString</c>): <c>true</c>/<c>false</c> are booleans, an
/// integer takes the smallest of INT8/INT16/INT32/INT64 that holds it, a decimal is FLOAT32 when in
/// float range, else FLOAT64, ISO timestamps/dates/times are Connect's logical types, and
/// anything else (including an empty string) is a STRING.
/// Lists (<c>[1,2,3]</c>) and maps (<c>{"a":1}</c>) are ARRAY and MAP values with a common element
/// type (see <see cref="CompositeHeaderValueParser"/>); text that only looks like one stays a STRING.
/// </summary>
public sealed class SimpleHeaderConverter : IHeaderConverter
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public byte[]? FromConnectHeader(string topic, string headerKey, HeaderValue value) =>
        value.Type == HeaderValueType.Null ? null : Encoding.UTF8.GetBytes(ToText(value));

    /// <inheritdoc />
    public HeaderValue ToConnectHeader(string topic, string headerKey, byte[]? value)
    {
        if (value is null)
        {
            return HeaderValue.Null;
        }
        string text;
        try
        {
            text = ConverterConfig.StrictUtf8.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            // Not text: kept as BYTES (Connect's SimpleHeaderConverter falls back to a byte array
            // when it cannot read a header), so the record is not failed and no byte is lost.
            return HeaderValue.FromBytes(value);
        }
        return Parse(text);
    }

    /// <summary>Infers a value from its string form, as <c>Values.parseString</c>.</summary>
    public static HeaderValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return HeaderValue.FromString(text);
        }
        var token = text.Trim();
        if (token[0] is '[' or '{' && CompositeHeaderValueParser.TryParse(token) is { } composite)
        {
            return composite;
        }
        if (token.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return HeaderValue.FromBoolean(true);
        }
        if (token.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return HeaderValue.FromBoolean(false);
        }
        if (IsNumber(token))
        {
            return ParseNumber(token, text);
        }
        var style = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (
            DateTime.TryParseExact(
                token,
                TimestampFormat,
                CultureInfo.InvariantCulture,
                style,
                out var time
            )
        )
        {
            return HeaderValue.FromTime(HeaderValueType.Timestamp, time);
        }
        if (
            DateTime.TryParseExact(token, DateFormat, CultureInfo.InvariantCulture, style, out time)
        )
        {
            return HeaderValue.FromTime(HeaderValueType.Date, time);
        }
        if (
            DateTime.TryParseExact(token, TimeFormat, CultureInfo.InvariantCulture, style, out time)
        )
        {
            return HeaderValue.FromTime(
                HeaderValueType.Time,
                new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc) + time.TimeOfDay
            );
        }
        return HeaderValue.FromString(text);
    }

    /// <summary>The string form of a value, as <c>Values.convertToString</c>.</summary>
    public static string ToText(HeaderValue value) =>
        value.Type switch
        {
            HeaderValueType.Null => "null",
            HeaderValueType.Boolean => value.Boolean ? "true" : "false",
            HeaderValueType.Float32 => Primitives.JavaText.Of((float)value.Number),
            HeaderValueType.Float64 => Primitives.JavaText.Of(value.Number),
            HeaderValueType.String => value.Text!,
            HeaderValueType.Timestamp => value.Time.ToString(
                TimestampFormat,
                CultureInfo.InvariantCulture
            ),
            HeaderValueType.Date => value.Time.ToString(DateFormat, CultureInfo.InvariantCulture),
            HeaderValueType.Time => value.Time.ToString(TimeFormat, CultureInfo.InvariantCulture),
            HeaderValueType.Array or HeaderValueType.Map => CompositeText(value),
            HeaderValueType.Bytes => Convert.ToBase64String(value.Bytes!),
            _ => value.Integer.ToString(CultureInfo.InvariantCulture),
        };

    // Values.append with embedded=true: list and map elements in their string form, strings
    // double-quoted with \ and " escaped, null as "null".
    private static string CompositeText(HeaderValue value)
    {
        var sb = new StringBuilder();
        AppendEmbedded(sb, value);
        return sb.ToString();
    }

    private static void AppendEmbedded(StringBuilder sb, HeaderValue value)
    {
        switch (value.Type)
        {
            case HeaderValueType.Array:
                sb.Append('[');
                for (var i = 0; i < value.Items!.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    AppendEmbedded(sb, value.Items[i]);
                }
                sb.Append(']');
                break;
            case HeaderValueType.Map:
                sb.Append('{');
                for (var i = 0; i < value.Entries!.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    AppendEmbedded(sb, value.Entries[i].Key);
                    sb.Append(':');
                    AppendEmbedded(sb, value.Entries[i].Value);
                }
                sb.Append('}');
                break;
            case HeaderValueType.String:
                sb.Append('"')
                    .Append(
                        value
                            .Text!.Replace("\\", "\\\\", StringComparison.Ordinal)
                            .Replace("\"", "\\\"", StringComparison.Ordinal)
                    )
                    .Append('"');
                break;
            default:
                sb.Append(ToText(value));
                break;
        }
    }

    private static bool IsNumber(string token)
    {
        var i = token[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < token.Length; i++)
        {
            var c = token[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && !dot)
            {
                dot = true;
            }
            else if (c is 'e' or 'E' && digits > 0)
            {
                return i + 1 < token.Length && ExponentIsValid(token.AsSpan(i + 1));
            }
            else
            {
                return false;
            }
        }
        return digits > 0;
    }

    private static bool ExponentIsValid(ReadOnlySpan<char> exponent)
    {
        if (exponent[0] is '-' or '+')
        {
            exponent = exponent[1..];
        }
        return exponent.Length > 0 && !exponent.ContainsAnyExcept("0123456789");
    }

    private static HeaderValue ParseNumber(string token, string original)
    {
        // Values.parseAsExactDecimal: an integral value (also "1.0" or "1e3") takes the smallest integer type that holds it.
        if (
            decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && decimal.Truncate(exact) == exact
        )
        {
            var integer = (BigInteger)exact;
            if (integer >= sbyte.MinValue && integer <= sbyte.MaxValue)
            {
                return HeaderValue.FromInteger(HeaderValueType.Int8, (long)integer);
            }
            if (integer >= short.MinValue && integer <= short.MaxValue)
            {
                return HeaderValue.FromInteger(HeaderValueType.Int16, (long)integer);
            }
            if (integer >= int.MinValue && integer <= int.MaxValue)
            {
                return HeaderValue.FromInteger(HeaderValueType.Int32, (long)integer);
            }
            if (integer >= long.MinValue && integer <= long.MaxValue)
            {
                return HeaderValue.FromInteger(HeaderValueType.Int64, (long)integer);
            }
            return HeaderValue.FromString(original);
        }
        var number = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(number))
        {
            return HeaderValue.FromString(original);
        }
        return float.IsFinite((float)number)
            ? HeaderValue.FromFloat((float)number)
            : HeaderValue.FromDouble(number);
    }
}
