using System.Globalization;
using System.Text.Json;

namespace KConnector.Json;

/// <summary>
/// The writers that code generated from JSON Schema calls for values System.Text.Json has no
/// direct overload for (dates, times, URIs, arrays, maps). Formats follow RFC 3339, as JSON
/// Schema's "Defined Formats" require.
/// </summary>
public static class JsonValueWriters
{
    /// <summary>The "date" format: yyyy-MM-dd.</summary>
    public static void Date(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>The "time" format: HH:mm:ss with the fraction only when there is one.</summary>
    public static void Time(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(
            buffer,
            out var written,
            value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF",
            CultureInfo.InvariantCulture
        );
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>The "uri" and "uri-reference" formats, as the URI was given.</summary>
    public static void Uri(Utf8JsonWriter writer, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>A JSON array of <paramref name="items"/>.</summary>
    public static void Array<T>(
        Utf8JsonWriter writer,
        IReadOnlyList<T> items,
        JsonValueWriter<T> item
    )
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            item(writer, items[i]);
        }
        writer.WriteEndArray();
    }

    /// <summary>A JSON object with one member per entry of <paramref name="map"/>.</summary>
    public static void Map<T>(
        Utf8JsonWriter writer,
        IReadOnlyDictionary<string, T> map,
        JsonValueWriter<T> value
    )
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        Members(writer, map, value);
        writer.WriteEndObject();
    }

    /// <summary>The entries of <paramref name="map"/> as members of the object being written (additional properties).</summary>
    public static void Members<T>(
        Utf8JsonWriter writer,
        IReadOnlyDictionary<string, T> map,
        JsonValueWriter<T> value
    )
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var (key, item) in map)
        {
            writer.WritePropertyName(key);
            value(writer, item);
        }
    }

    /// <summary>Any JSON value, as it was read.</summary>
    public static void Element(Utf8JsonWriter writer, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.WriteTo(writer);
    }
}
