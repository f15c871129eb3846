using System.Text.Json;
using System.Text.Json.Nodes;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Numbers of a <see cref="JsonValue"/> whichever way it was made: parsed from bytes (a
/// <see cref="JsonElement"/> inside) or created by an earlier transform (a CLR number inside).
/// Integral means Connect's JsonConverter would read it as a <c>Long</c> rather than a <c>Double</c>.
/// </summary>
internal static class JsonNumbers
{
    public static bool IsIntegral(JsonNode number)
    {
        var value = number.AsValue();
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out _);
        }
        return value.TryGetValue<long>(out _)
            || value.TryGetValue<int>(out _)
            || value.TryGetValue<short>(out _)
            || value.TryGetValue<sbyte>(out _);
    }

    public static long ToInt64(JsonNode number)
    {
        var value = number.AsValue();
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out var whole) ? whole : (long)element.GetDouble();
        }
        return value.TryGetValue<long>(out var l) ? l
            : value.TryGetValue<int>(out var i) ? i
            : value.TryGetValue<short>(out var s) ? s
            : value.TryGetValue<sbyte>(out var b) ? b
            : (long)ToDouble(number);
    }

    public static double ToDouble(JsonNode number)
    {
        var value = number.AsValue();
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetDouble();
        }
        return value.TryGetValue<double>(out var d) ? d
            : value.TryGetValue<float>(out var f) ? f
            : value.TryGetValue<decimal>(out var m) ? (double)m
            : ToInt64(number);
    }
}
