using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>MaskField</c> on schemaless values: each named field becomes its type's empty
/// value (0, false, "", [] or {}), or the replacement (numbers and strings only); a null or absent
/// field is null afterwards, as Connect's <c>updatedValue.put(field, masked(value.get(field)))</c>.
/// </summary>
internal sealed class MaskFieldTransformation(
    RecordPart part,
    IReadOnlyList<string> fields,
    string? replacement
) : FieldTransformation(part, "mask fields")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        var updated = (JsonObject)RequireObject(operating).DeepClone();
        foreach (var field in fields)
        {
            updated[field] = Masked(updated[field]);
        }
        return With(record, updated);
    }

    private JsonNode? Masked(JsonNode? value) =>
        value?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.Number => replacement is null ? Zero(value) : Number(value),
            JsonValueKind.String => replacement ?? string.Empty,
            JsonValueKind.True or JsonValueKind.False when replacement is null => false,
            JsonValueKind.Array when replacement is null => new JsonArray(),
            JsonValueKind.Object when replacement is null => new JsonObject(),
            var kind => throw new DataException(
                $"Cannot mask value of type {kind} with custom replacement."
            ),
        };

    private static JsonNode Zero(JsonNode number) =>
        JsonNumbers.IsIntegral(number) ? JsonValue.Create(0L) : JsonValue.Create(0.0);

    // Connect parses the replacement as the field's own numeric type.
    private JsonNode Number(JsonNode number)
    {
        if (JsonNumbers.IsIntegral(number))
        {
            return long.TryParse(
                replacement,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var whole
            )
                ? JsonValue.Create(whole)
                : throw Unconvertible();
        }
        return double.TryParse(
            replacement,
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var real
        )
            ? JsonValue.Create(real)
            : throw Unconvertible();
    }

    private DataException Unconvertible() =>
        new($"Unable to convert {replacement} (String) to number");
}
