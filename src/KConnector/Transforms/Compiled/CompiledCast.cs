using System.Globalization;
using System.Numerics;
using KConnector.Converters;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// The conversions of Kafka Connect's <c>Cast</c> (<c>castValueToType</c>) on typed values, called
/// by the code the build compiles a Cast into: numbers narrow as Java's <c>intValue()</c> and
/// friends (integers wrap, reals truncate toward zero and saturate, NaN is 0), booleans are 1/0, a
/// number is true when not 0, a string is parsed (one that is no number of the type fails), and
/// <see cref="Text(double)"/> writes numbers as the schemaless path does (a real keeps its ".0").
/// </summary>
public static class CompiledCast
{
    /// <summary>Java's <c>longValue()</c> of a real number: truncated toward zero, saturating, NaN 0.</summary>
    public static long Whole(double value) =>
        double.IsNaN(value) ? 0
        : value >= long.MaxValue ? long.MaxValue
        : value <= long.MinValue ? long.MinValue
        : (long)value;

    /// <summary>
    /// Java's <c>intValue()</c> of a real number, truncated toward zero and saturating at the int's
    /// range, NaN 0: what <c>byteValue()</c> and <c>shortValue()</c> narrow from (JLS 5.1.3: a
    /// double becomes an int before a byte or short), so 1e10 cast to int16 is -1, not the low 16
    /// bits of the long.
    /// </summary>
    public static long WholeInt(double value) =>
        double.IsNaN(value) ? 0
        : value >= int.MaxValue ? int.MaxValue
        : value <= int.MinValue ? int.MinValue
        : (long)value;

    /// <summary>
    /// Java's <c>longValue()</c> of a BigDecimal (Connect's Decimal): truncated toward zero, then its
    /// low 64 bits (it wraps, where a double saturates).
    /// </summary>
    public static long Whole(decimal value)
    {
        var whole = decimal.Truncate(value);
        return whole is >= long.MinValue and <= long.MaxValue
            ? (long)whole
            : unchecked((long)(ulong)(new BigInteger(whole) & ulong.MaxValue));
    }

    /// <summary>A boolean as a number: 1 or 0.</summary>
    public static long Whole(bool value) => value ? 1 : 0;

    /// <summary>
    /// A string parsed as a whole number of <paramref name="target"/> (int8, int16, int32, int64), as
    /// Java's <c>Byte.parseByte</c> and friends; otherwise a <see cref="CompiledTransformationException"/> for <paramref name="plugin"/>.
    /// </summary>
    public static long Whole(string value, string target, Type plugin)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = target switch
        {
            "int8" => CastType.Int8,
            "int16" => CastType.Int16,
            "int32" => CastType.Int32,
            _ => CastType.Int64,
        };
        return PrimitiveCast.TryParseWhole(type, value, out var n)
            ? n
            : throw Failed(value, target, plugin);
    }

    /// <summary>A string parsed as a real number (float32, float64); otherwise a <see cref="CompiledTransformationException"/>.</summary>
    public static double Real(string value, string target, Type plugin)
    {
        ArgumentNullException.ThrowIfNull(value);
        return double.TryParse(
            value.Trim(),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var d
        )
            ? d
            : throw Failed(value, target, plugin);
    }

    /// <summary>int8: the low 8 bits, sign-extended (an Avro <c>int</c> holds it).</summary>
    public static int Int8(long value) => unchecked((sbyte)value);

    /// <summary>int16: the low 16 bits, sign-extended.</summary>
    public static int Int16(long value) => unchecked((short)value);

    /// <summary>int32: the low 32 bits.</summary>
    public static int Int32(long value) => unchecked((int)value);

    /// <summary>A string as a boolean: true when it is "true" in any case.</summary>
    public static bool Boolean(string value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A whole number's text.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Java's <c>BigDecimal.toString()</c> of a Decimal, at the scale the value has (C#'s decimal
    /// keeps it as BigDecimal does): plain digits while the exponent is at least -6, else
    /// scientific notation ("1E-7", "1.5E-9"); zero has no sign.
    /// </summary>
    public static string Text(decimal value)
    {
        var scale = value.Scale;
        var digits = decimal.Abs(value)
            .ToString(CultureInfo.InvariantCulture)
            .Replace(".", string.Empty, StringComparison.Ordinal)
            .TrimStart('0');
        digits = digits.Length == 0 ? "0" : digits;
        var sign = value < 0 ? "-" : string.Empty;
        var adjusted = digits.Length - 1 - scale;
        if (adjusted >= -6)
        {
            return sign
                + (
                    scale == 0 ? digits
                    : digits.Length > scale ? digits[..^scale] + "." + digits[^scale..]
                    : "0." + new string('0', scale - digits.Length) + digits
                );
        }
        return sign
            + digits[0]
            + (digits.Length > 1 ? "." + digits[1..] : string.Empty)
            + "E"
            + adjusted.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A boolean's text: true or false.</summary>
    public static string Text(bool value) => value ? "true" : "false";

    /// <summary>Java's <c>Double.toString</c> ("12.5", "10.0", "1.0E21"), as Connect's Cast to STRING writes <c>String.valueOf</c>.</summary>
    public static string Text(double value) => Converters.Primitives.JavaText.Of(value);

    /// <summary>Java's <c>Float.toString</c> of a float32's own shortest digits.</summary>
    public static string Text(float value) => Converters.Primitives.JavaText.Of(value);

    private static CompiledTransformationException Failed(
        string value,
        string target,
        Type plugin
    ) => new(plugin, new DataException($"Cast to {target} failed: For input string: \"{value}\""));
}
