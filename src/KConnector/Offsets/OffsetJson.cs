using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KConnector.Offsets;

/// <summary>
/// The JSON forms Kafka Connect stores source offsets in (its <c>JsonConverter</c> with
/// <c>schemas.enable=false</c>, see <c>OffsetStorageWriter</c>): the key is
/// <c>["connector-name",{source partition}]</c>, the value is <c>{source offset}</c>. Map keys are
/// written in ordinal order so that the same partition always gives the same bytes (a compacted
/// topic keeps one record per key). Values are strings; numbers and booleans found in a store
/// written by Kafka Connect are read as their JSON text.
/// </summary>
public static class OffsetJson
{
    /// <summary>The offsets-topic key of <paramref name="partition"/> for <paramref name="connector"/>.</summary>
    public static string Key(string connector, IReadOnlyDictionary<string, string> partition)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(partition);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(connector);
            WriteMap(writer, partition);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A string map as a JSON object, keys in ordinal order.</summary>
    public static string Map(IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMap(writer, map);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a JSON object written by <see cref="Map"/> (or by Kafka Connect).</summary>
    public static Dictionary<string, string> ParseMap(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadMap(document.RootElement);
    }

    /// <summary>Reads a key written by <see cref="Key"/>: the connector and the source partition; null if it is not one.</summary>
    public static (string Connector, Dictionary<string, string> Partition)? ParseKey(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (
            root.ValueKind != JsonValueKind.Array
            || root.GetArrayLength() != 2
            || root[0].ValueKind != JsonValueKind.String
            || root[1].ValueKind != JsonValueKind.Object
        )
        {
            return null;
        }
        return (root[0].GetString()!, ReadMap(root[1]));
    }

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject();
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteString(key, map[key]);
        }
        writer.WriteEndObject();
    }

    private static Dictionary<string, string> ReadMap(JsonElement element)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] =
                property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
        }
        return map;
    }
}
