using System;
using System.Globalization;

namespace KConnector.Generator.Helpers;

/// <summary>
/// A float or double as Java's <c>Float.toString</c> / <c>Double.toString</c> write it (the shortest
/// digits that read back, plain between 10^-3 and 10^7 with at least one fraction digit, else
/// <c>d.dddE-n</c>): what Jackson writes for a Connect default AvroData puts in a schema, and what
/// Connect's Cast gives for a real cast to string.
/// </summary>
internal static class JavaNumberText
{
    public static string Of(double value) =>
        Text(value, Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));

    public static string Of(float value) =>
        Text(value, Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));

    private static string Text(double value, string shortest)
    {
        var sign =
            value < 0 || (value == 0 && BitConverter.DoubleToInt64Bits(value) < 0)
                ? "-"
                : string.Empty;
        var exponent = 0;
        var e = shortest.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(shortest.Substring(e + 1), CultureInfo.InvariantCulture);
            shortest = shortest.Substring(0, e);
        }
        var dot = shortest.IndexOf('.');
        var digits = dot < 0 ? shortest : shortest.Remove(dot, 1);
        // The value is 0.{digits} x 10^point.
        var point = (dot < 0 ? shortest.Length : dot) + exponent;
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            return sign
                + (
                    point <= 0 ? "0." + new string('0', -point) + digits
                    : point >= digits.Length
                        ? digits + new string('0', point - digits.Length) + ".0"
                    : digits.Substring(0, point) + "." + digits.Substring(point)
                );
        }
        return sign
            + digits.Substring(0, 1)
            + "."
            + (digits.Length > 1 ? digits.Substring(1) : "0")
            + "E"
            + (point - 1).ToString(CultureInfo.InvariantCulture);
    }
}
