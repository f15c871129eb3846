using System.Globalization;
using KConnector.Converters.Primitives;

namespace KConnector.Generator.Helpers;

/// <summary>
/// A float or double as Java's <c>Float.toString</c> / <c>Double.toString</c> write it: what Jackson
/// writes for a Connect default AvroData puts in a schema, and what Connect's Cast gives for a real
/// cast to string. The rule is the runtime's <see cref="JavaFloatingText"/>, compiled into the
/// generator too (KConnector.Generator.csproj links the file).
/// </summary>
internal static class JavaNumberText
{
    public static string Of(double value) =>
        JavaFloatingText.Of(value, value.ToString("R", CultureInfo.InvariantCulture));

    public static string Of(float value) =>
        JavaFloatingText.Of(value, value.ToString("R", CultureInfo.InvariantCulture));
}
