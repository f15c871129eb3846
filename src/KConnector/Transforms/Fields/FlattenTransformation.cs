using System.Text.Json;
using System.Text.Json.Nodes;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>Flatten</c> on schemaless values: nested objects are lifted into the top
/// level, their names joined by the delimiter (<c>address.city</c>); nulls, primitives and arrays
/// are kept as they are (arrays are not flattened, as in Connect).
/// </summary>
internal sealed class FlattenTransformation(RecordPart part, string delimiter)
    : FieldTransformation(part, "flattening")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        var flat = new JsonObject();
        Flatten(RequireObject(operating), string.Empty, flat);
        return With(record, flat);
    }

    private void Flatten(JsonObject value, string prefix, JsonObject flat)
    {
        foreach (var (name, field) in value)
        {
            var flatName = prefix.Length == 0 ? name : prefix + delimiter + name;
            if (field?.GetValueKind() == JsonValueKind.Object)
            {
                Flatten(field.AsObject(), flatName, flat);
            }
            else
            {
                flat[flatName] = field?.DeepClone();
            }
        }
    }
}
