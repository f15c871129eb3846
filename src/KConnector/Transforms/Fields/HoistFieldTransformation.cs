using System.Text.Json.Nodes;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>HoistField</c> on schemaless values: the key or value, whatever it is, becomes
/// the one field of a new object (a null one too, as Connect's <c>singletonMap(field, null)</c>).
/// </summary>
internal sealed class HoistFieldTransformation(RecordPart part, string field)
    : FieldTransformation(part, "field hoisting")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    ) => With(record, new JsonObject { [field] = operating.DeepClone() });

    protected override ConnectRecord<TKey, TValue> OnNull<TKey, TValue>(
        ConnectRecord<TKey, TValue> record
    ) => With(record, new JsonObject { [field] = null });
}
