using System.Text.Json.Nodes;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>ReplaceField</c> on schemaless values: a field is kept when it is not
/// excluded and (no include list, or included); kept fields are renamed, in their order.
/// </summary>
internal sealed class ReplaceFieldTransformation(
    RecordPart part,
    HashSet<string> exclude,
    HashSet<string> include,
    Dictionary<string, string> renames
) : FieldTransformation(part, "field replacement")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        var updated = new JsonObject();
        foreach (var (name, value) in RequireObject(operating))
        {
            if (!exclude.Contains(name) && (include.Count == 0 || include.Contains(name)))
            {
                updated[renames.GetValueOrDefault(name, name)] = value?.DeepClone();
            }
        }
        return With(record, updated);
    }
}
