using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// One primitive JSON value cast as Kafka Connect's <c>Cast.castValueToType</c> casts a schemaless
/// one: numbers narrow as Java's <c>Number.intValue()</c> and friends (integers wrap, reals
/// truncate), booleans are 1/0, strings are parsed (a string that is no number is an error), a
/// number is true when not 0, a string is true when it is "true" in any case; objects and arrays
/// are refused.
/// </summary>
internal static class PrimitiveCast
{
    public static JsonNode To(CastType type, JsonNode value)
    {
        var kind = value.GetValueKind();
        if (kind is JsonValueKind.Object or JsonValueKind.Array)
        {
            throw new DataException(
                $"Cast transformation does not support casting to/from {(kind == JsonValueKind.Object ? "MAP" : "ARRAY")}"
            );
        }
        return type switch
        {
            CastType.Boolean => kind switch
            {
                JsonValueKind.String => string.Equals(
                    value.GetValue<string>(),
                    "true",
                    StringComparison.OrdinalIgnoreCase
                ),
                JsonValueKind.Number => Integral(value) != 0,
                _ => value.GetValue<bool>(),
            },
            CastType.String => kind == JsonValueKind.String
                ? value.GetValue<string>()
                : JavaText(value, kind),
            CastType.Float32 => JsonValue.Create((float)Real(value, kind, type)),
            CastType.Float64 => JsonValue.Create(Real(value, kind, type)),
            _ => Whole(type, value, kind),
        };
    }

    private static JsonNode Whole(CastType type, JsonNode value, JsonValueKind kind)
    {
        long whole = kind switch
        {
            // A real (Java's Double) narrows to int8/int16/int32 through intValue(), saturating.
            JsonValueKind.Number when type != CastType.Int64 && !JsonNumbers.IsIntegral(value) =>
                Compiled.CompiledCast.WholeInt(JsonNumbers.ToDouble(value)),
            JsonValueKind.Number => Integral(value),
            JsonValueKind.String => ParseWhole(type, value.GetValue<string>()),
            _ => value.GetValue<bool>() ? 1 : 0,
        };
        return type switch
        {
            CastType.Int8 => JsonValue.Create(unchecked((sbyte)whole)),
            CastType.Int16 => JsonValue.Create(unchecked((short)whole)),
            CastType.Int32 => JsonValue.Create(unchecked((int)whole)),
            _ => JsonValue.Create(whole),
        };
    }

    // Java's Byte.parseByte & co.: the text must be a whole number that fits the type.
    private static long ParseWhole(CastType type, string text) =>
        TryParseWhole(type, text, out var n)
            ? n
            : throw new DataException(
                $"Cast to {type.ToString().ToLowerInvariant()} failed: For input string: \"{text}\""
            );

    /// <summary>
    /// <paramref name="text"/> as a whole number within <paramref name="type"/>'s range, as Java's
    /// <c>Byte.parseByte</c> and friends: shared by the schemaless and the compiled Cast.
    /// </summary>
    internal static bool TryParseWhole(CastType type, string text, out long n)
    {
        var (min, max) = type switch
        {
            CastType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            CastType.Int16 => (short.MinValue, short.MaxValue),
            CastType.Int32 => (int.MinValue, (long)int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        return long.TryParse(
                text.Trim(),
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out n
            )
            && n >= min
            && n <= max;
    }

    private static double Real(JsonNode value, JsonValueKind kind, CastType type) =>
        kind switch
        {
            JsonValueKind.Number => JsonNumbers.ToDouble(value),
            JsonValueKind.String => double.TryParse(
                value.GetValue<string>().Trim(),
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var d
            )
                ? d
                : throw new DataException(
                    $"Cast to {type.ToString().ToLowerInvariant()} failed: For input string: \"{value.GetValue<string>()}\""
                ),
            _ => value.GetValue<bool>() ? 1 : 0,
        };

    // An integer stays exact; a real number truncates toward zero (saturating), as Java's longValue().
    private static long Integral(JsonNode value) => JsonNumbers.ToInt64(value);

    // Java's toString: 42, 1.5, 10.0, 1.0E21 (a real number keeps its ".0").
    private static string JavaText(JsonNode value, JsonValueKind kind)
    {
        if (kind != JsonValueKind.Number)
        {
            return kind == JsonValueKind.True ? "true" : "false";
        }
        if (JsonNumbers.IsIntegral(value))
        {
            return JsonNumbers.ToInt64(value).ToString(CultureInfo.InvariantCulture);
        }
        return Converters.Primitives.JavaText.Of(JsonNumbers.ToDouble(value));
    }
}
