using System;
using System.Globalization;

namespace KConnector.Converters.Primitives;

/// <summary>
/// Java's <c>Double.toString</c> and <c>Float.toString</c> as specified since JDK 19 (JDK-4511638,
/// Raffaello Giulietti's shortest decimal): the fewest significant digits that round back to the
/// value in its own type, two when one would do (the two-digit decimal closest to the value:
/// <c>Double.MIN_VALUE</c> is "4.9E-324"), printed plain with at least one fractional digit when the
/// decimal is in [10^-3, 10^7) ("0.001", "9999999.0") and else as "d.dddE[-]n" ("1.0E7", "1.0E-4");
/// "NaN", "Infinity", "-Infinity", "-0.0". JDK 17 and older may print more digits for a few values.
/// The generator compiles this file too (netstandard2.0: no ranges), for the defaults AvroData
/// writes and the Cast of a default it computes at build time: one definition of Java's text.
/// </summary>
internal static class JavaFloatingText
{
    /// <summary>Java's text of a value whose shortest round-trip digits in its own type are <paramref name="shortest"/> ("R" format).</summary>
    public static string Of(double value, string shortest)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return BitConverter.DoubleToInt64Bits(value) < 0 ? "-0.0" : "0.0";
        }
        var (digits, exponent) = DigitsOf(shortest);
        if (digits.Length == 1)
        {
            // JDK 19's rule: of the one-digit decimals' length, take two and the closest to the value.
            (digits, exponent) = DigitsOf(value.ToString("E1", CultureInfo.InvariantCulture));
        }
        var sign = value < 0 ? "-" : string.Empty;
        return sign
            + (exponent is >= -3 and < 7 ? Plain(digits, exponent) : Scientific(digits, exponent));
    }

    private static readonly char[] Exponents = { 'E', 'e' };

    // The significant digits (no leading or trailing zero but one "0"-free digit at least) and the
    // exponent of the first: "1.25E-05" is ("125", -5), "-1200" is ("12", 3).
    private static (string Digits, int Exponent) DigitsOf(string text)
    {
        text = text.TrimStart('-');
        var e = text.IndexOfAny(Exponents);
        var exponent = e < 0 ? 0 : int.Parse(text.Substring(e + 1), CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text.Substring(0, e);
        var point = mantissa.IndexOf(".", StringComparison.Ordinal);
        var integer = point < 0 ? mantissa : mantissa.Substring(0, point);
        var all = integer + (point < 0 ? string.Empty : mantissa.Substring(point + 1));
        var leading = all.Length - all.TrimStart('0').Length;
        exponent += integer.Length - 1 - leading;
        var digits = all.Trim('0');
        return (digits.Length == 0 ? "0" : digits, exponent);
    }

    private static string Plain(string digits, int exponent)
    {
        if (exponent < 0)
        {
            return "0." + new string('0', -exponent - 1) + digits;
        }
        var integer =
            digits.Length > exponent + 1
                ? digits.Substring(0, exponent + 1)
                : digits.PadRight(exponent + 1, '0');
        var fraction = digits.Length > exponent + 1 ? digits.Substring(exponent + 1) : "0";
        return integer + "." + fraction;
    }

    private static string Scientific(string digits, int exponent) =>
        digits.Substring(0, 1)
        + "."
        + (digits.Length > 1 ? digits.Substring(1) : "0")
        + "E"
        + exponent.ToString(CultureInfo.InvariantCulture);
}
