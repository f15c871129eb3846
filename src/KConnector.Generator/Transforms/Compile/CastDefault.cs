using System.Globalization;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Kafka Connect's Cast of a field's default (<c>getOrBuildSchema</c>: the cast field's schema gets
/// <c>castValueToType</c> of the default), done at build time on the default's JSON: Java's
/// narrowing (<c>byteValue()</c> of a real is its <c>(int)</c> wrapped), <c>longValue() != 0</c> for a
/// boolean, <c>Byte.parseByte</c> and friends for a string, <c>toString()</c> (Java's text of a real)
/// to string. The result is the cast default as AvroData writes it back.
/// </summary>
internal static class CastDefault
{
    /// <summary>The cast default's JSON, or null with <paramref name="problem"/> when Connect's cast fails on it (every record would).</summary>
    public static string? Of(
        string json,
        ConnectSchemaType from,
        string target,
        out string? problem
    )
    {
        problem = null;
        var value = JsonParser.Parse(json);
        var text = value.Kind == JsonKind.String ? value.Text! : null;
        var flag = value.Kind is JsonKind.True or JsonKind.False
            ? value.Kind == JsonKind.True
            : (bool?)null;
        var real = from is ConnectSchemaType.Float32 or ConnectSchemaType.Float64;
        var number =
            value.Kind == JsonKind.Number
                ? double.Parse(value.Text!, CultureInfo.InvariantCulture)
                : 0;
        string? Whole(long min, long max)
        {
            if (text is not null)
            {
                return
                    long.TryParse(
                        text,
                        NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture,
                        out var parsed
                    )
                    && parsed >= min
                    && parsed <= max
                    ? parsed.ToString(CultureInfo.InvariantCulture)
                    : null;
            }
            long whole =
                flag is { } b ? (b ? 1 : 0)
                : !real ? long.Parse(value.Text!, CultureInfo.InvariantCulture)
                : max == long.MaxValue ? Saturated(number, long.MinValue, long.MaxValue)
                : Saturated(number, int.MinValue, int.MaxValue);
            return Wrapped(whole, max).ToString(CultureInfo.InvariantCulture);
        }
        string? Real(bool single)
        {
            double? d = text is not null
                ? double.TryParse(
                    text.Trim(),
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var parsed
                )
                    ? parsed
                    : null
                : flag is { } b
                    ? (b ? 1 : 0)
                    : number;
            return d is not { } r ? null
                : single ? JavaNumberText.Of((float)r)
                : JavaNumberText.Of(r);
        }
        var cast = target switch
        {
            "int8" => Whole(sbyte.MinValue, sbyte.MaxValue),
            "int16" => Whole(short.MinValue, short.MaxValue),
            "int32" => Whole(int.MinValue, int.MaxValue),
            "int64" => Whole(long.MinValue, long.MaxValue),
            "float32" => Real(single: true),
            "float64" => Real(single: false),
            "boolean" => text is not null
                ? (
                    string.Equals(text, "true", System.StringComparison.OrdinalIgnoreCase)
                        ? "true"
                        : "false"
                )
            : flag is { } b ? (b ? "true" : "false")
            : (
                real
                    ? Saturated(number, long.MinValue, long.MaxValue) != 0
                    : long.Parse(value.Text!, CultureInfo.InvariantCulture) != 0
            )
                ? "true"
            : "false",
            _ => Quoted(
                text
                    ?? (
                        flag is { } b ? (b ? "true" : "false")
                        : from == ConnectSchemaType.Float32 ? JavaNumberText.Of((float)number)
                        : real ? JavaNumberText.Of(number)
                        : value.Text!
                    )
            ),
        };
        if (cast is null)
        {
            problem =
                "its default "
                + json
                + " is no "
                + target
                + ": Connect's Cast fails on every record";
        }
        return cast;
    }

    // Java's (int) or (long) of a real: toward zero, saturating, NaN 0.
    private static long Saturated(double value, long min, long max) =>
        double.IsNaN(value) ? 0
        : value >= max ? max
        : value <= min ? min
        : (long)value;

    // Java's narrowing of a whole number to the target's width (byteValue(), shortValue(), intValue()).
    private static long Wrapped(long value, long max) =>
        max switch
        {
            sbyte.MaxValue => unchecked((sbyte)value),
            short.MaxValue => unchecked((short)value),
            int.MaxValue => unchecked((int)value),
            _ => value,
        };

    private static string Quoted(string text)
    {
        var json = new System.Text.StringBuilder();
        JsonCompactWriter.WriteString(text, json);
        return json.ToString();
    }
}
