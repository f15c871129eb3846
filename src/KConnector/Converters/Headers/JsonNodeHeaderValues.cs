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

    private static HeaderValue Number(JsonValue value) =>
        value.TryGetValue<long>(out var integer)
            ? HeaderValue.FromInteger(HeaderValueType.Int64, integer)
            : HeaderValue.FromDouble(value.GetValue<double>());

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
