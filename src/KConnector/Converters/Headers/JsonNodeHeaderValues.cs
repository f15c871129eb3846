using System.Text.Json;
using System.Text.Json.Nodes;

namespace KConnector.Converters.Headers;

/// <summary>
/// A schemaless value (<see cref="JsonNode"/>, Kafka Connect's schemaless Map / List / primitives)
/// as a header value, the way Kafka Connect's JsonConverter reads schemaless JSON: a string is a
/// STRING, an integral number an INT64, another number a FLOAT64, <c>true</c>/<c>false</c> a
/// BOOLEAN, an object a MAP of STRING keys, an array an ARRAY, null the null value.
/// </summary>
internal static class JsonNodeHeaderValues
{
    public static HeaderValue From(JsonNode? node) =>
        node?.GetValueKind() switch
        {
            null or JsonValueKind.Null or JsonValueKind.Undefined => HeaderValue.Null,
            JsonValueKind.String => HeaderValue.FromString(node.GetValue<string>()),
            JsonValueKind.True => HeaderValue.FromBoolean(true),
            JsonValueKind.False => HeaderValue.FromBoolean(false),
            JsonValueKind.Number => Number(node.AsValue()),
            JsonValueKind.Object => Map(node.AsObject()),
            _ => Array(node.AsArray()),
        };

    // A number read from JSON is an INT64 or a FLOAT64 (Connect's JsonConverter gives a Long or a
    // Double); one a transformation made (Cast's int8, int16, int32, float32) keeps its type, as
    // Connect's SimpleHeaderConverter infers the header's type from the Java value.
    private static HeaderValue Number(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var read))
        {
            return read.TryGetInt64(out var whole)
                ? HeaderValue.FromInteger(HeaderValueType.Int64, whole)
                : HeaderValue.FromDouble(read.GetDouble());
        }
        return value.TryGetValue<long>(out var int64)
                ? HeaderValue.FromInteger(HeaderValueType.Int64, int64)
            : value.TryGetValue<int>(out var int32)
                ? HeaderValue.FromInteger(HeaderValueType.Int32, int32)
            : value.TryGetValue<short>(out var int16)
                ? HeaderValue.FromInteger(HeaderValueType.Int16, int16)
            : value.TryGetValue<sbyte>(out var int8)
                ? HeaderValue.FromInteger(HeaderValueType.Int8, int8)
            : value.TryGetValue<float>(out var float32) ? HeaderValue.FromFloat(float32)
            : HeaderValue.FromDouble(value.GetValue<double>());
    }

    private static HeaderValue Map(JsonObject map)
    {
        var entries = new List<KeyValuePair<HeaderValue, HeaderValue>>(map.Count);
        HeaderValueType? common = null;
        var mixed = false;
        foreach (var (name, item) in map)
        {
            var value = From(item);
            entries.Add(new(HeaderValue.FromString(name), value));
            Widen(ref common, ref mixed, value);
        }
        return HeaderValue.FromMap(entries, HeaderValueType.String, mixed ? null : common);
    }

    private static HeaderValue Array(JsonArray array)
    {
        var items = new List<HeaderValue>(array.Count);
        HeaderValueType? common = null;
        var mixed = false;
        foreach (var item in array)
        {
            var value = From(item);
            items.Add(value);
            Widen(ref common, ref mixed, value);
        }
        return HeaderValue.FromArray(items, mixed ? null : common);
    }

    // The elements' one type, or none when they differ (nulls do not count).
    private static void Widen(ref HeaderValueType? common, ref bool mixed, HeaderValue value)
    {
        if (value.Type == HeaderValueType.Null || mixed)
        {
            return;
        }
        if (common is { } type && type != value.Type)
        {
            mixed = true;
            return;
        }
        common = value.Type;
    }
}
