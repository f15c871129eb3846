using System.Text.Json.Nodes;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>Cast</c> on schemaless values: the whole key or value (a bare type in the
/// spec), or the named fields of an object; a null or absent field is null afterwards
/// (Connect's <c>updatedValue.put(field, castValueToType(value.get(field)))</c>).
/// </summary>
internal sealed class CastTransformation(
    RecordPart part,
    IReadOnlyList<(string? Field, CastType Type)> casts
) : FieldTransformation(part, "cast types")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        if (casts[0].Field is null)
        {
            return With(record, PrimitiveCast.To(casts[0].Type, operating));
        }
        var updated = (JsonObject)RequireObject(operating).DeepClone();
        foreach (var (field, type) in casts)
        {
            updated[field!] = updated[field!] is { } value ? PrimitiveCast.To(type, value) : null;
        }
        return With(record, updated);
    }
}
