using System.Text.Json.Nodes;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>ExtractField</c> on schemaless values: the key or value becomes the field at
/// the path (one name, or with <c>field.syntax.version=V2</c> a dotted path), null when absent.
/// </summary>
internal sealed class ExtractFieldTransformation(RecordPart part, string[] path)
    : FieldTransformation(part, "field extraction")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        JsonNode? current = RequireObject(operating);
        foreach (var name in path)
        {
            current = current is JsonObject parent ? parent[name] : null;
        }
        return With(record, current?.DeepClone());
    }
}
