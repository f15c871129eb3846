using System.Globalization;
using System.Text.Json;

namespace KConnector.Connectors.Shapes;

/// <summary>
/// Reads a JSON object's properties into field values in <see cref="RecordShape"/> order (by
/// name; null properties are null, absent ones take the schema's default as Avro's schema
/// resolution fills a field the writer lacks, or null), converted to the fields' CLR types with errors that
/// name the field. Used where a source receives JSON (HTTP APIs, JSON-lines files) and must build
/// a generated record through its <see cref="RecordAccessor{T}"/>.
/// </summary>
public static class JsonFieldReader
{
    /// <summary>Fills <paramref name="values"/> from <paramref name="element"/>.</summary>
    /// <exception cref="FormatException">The element is not an object, or a property does not fit its field.</exception>
    public static void Read(JsonElement element, RecordShape shape, Span<object?> values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(
                $"expected a JSON object for {shape.Name}, found {element.ValueKind}"
            );
        }
        for (var i = 0; i < shape.Fields.Count; i++)
        {
            var field = shape.Fields[i];
            var raw = field.Default;
            if (element.TryGetProperty(field.Name, out var property))
            {
                raw = property.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => property.GetString(),
                    JsonValueKind.Number => field.Type is FieldType.Double or FieldType.Float
                        ? property.GetDouble()
                    : property.TryGetInt64(out var l) ? l
                    : (object)property.GetDouble(),
                    _ => property.GetRawText(),
                };
            }
            values[i] = FieldValue.Coerce(raw, field);
        }
    }

    /// <summary>A JSON scalar as offset text (numbers as written, strings as they are).</summary>
    public static string ScalarText(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? string.Empty,
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            _ => throw new FormatException(
                $"expected a number or a string, found {element.ValueKind}"
            ),
        };

    /// <summary>Compares two offsets: numerically when both are integers, else ordinally (ISO timestamps sort as text).</summary>
    public static int CompareOffsets(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return
            long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
    }
}
