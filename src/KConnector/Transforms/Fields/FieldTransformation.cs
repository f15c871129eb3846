using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// The part every field-level transform shares, as Kafka Connect's <c>$Key</c> / <c>$Value</c>
/// pairs do (<c>operatingValue</c>, <c>newRecord</c>): it picks the key or the value, passes a null
/// one through untouched (a tombstone stays a tombstone), and refuses a value that is not
/// schemaless structured data (<see cref="JsonNode"/>, this runtime's form of Connect's schemaless
/// Map; or a spec's <see cref="Json.SchemalessJson"/> around one) with Connect's <c>DataException</c>,
/// a record error at stage <c>TRANSFORMATION</c>.
/// </summary>
internal abstract class FieldTransformation(RecordPart part, string purpose) : ITransformation
{
    protected RecordPart Part { get; } = part;

    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        object? operating = Part == RecordPart.Key ? record.Key : record.Value;
        return operating switch
        {
            null => OnNull(record),
            _ => SchemalessNodes.NodeOf(operating) is { } node
                ? Transform(record, node)
                : throw NotSchemaless(purpose, operating),
        };
    }

    /// <summary>A record whose key or value is null: unchanged (a tombstone stays one), unless the transform says otherwise.</summary>
    protected virtual ConnectRecord<TKey, TValue> OnNull<TKey, TValue>(
        ConnectRecord<TKey, TValue> record
    ) => record;

    /// <summary>The record with its operating part transformed; <paramref name="operating"/> is never null.</summary>
    protected abstract ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    );

    /// <summary>The record with <paramref name="operating"/> as its key or value.</summary>
    protected ConnectRecord<TKey, TValue> With<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode? operating
    ) =>
        Part == RecordPart.Key
            ? record with
            {
                Key = As<TKey>(operating),
            }
            : record with
            {
                Value = As<TValue>(operating),
            };

    /// <summary><paramref name="operating"/> as a JSON object, or Connect's error for anything else.</summary>
    protected JsonObject RequireObject(JsonNode operating) =>
        operating as JsonObject ?? throw NotSchemaless(purpose, operating);

    private T? As<T>(JsonNode? node) =>
        node switch
        {
            null => default,
            _ when SchemalessNodes.TryAs<T>(node, out var typed) => typed,
            _ => throw new DataException(
                $"The result of [{purpose}] is a JSON {node.GetValueKind()}, which the record's {Part.ToString().ToLowerInvariant()} type {typeof(T).Name} cannot hold; declare it as JsonNode."
            ),
        };

    internal static DataException NotSchemaless(string purpose, object value) =>
        new(
            value is JsonNode node
                ? $"Only Map objects supported in absence of schema for [{purpose}], found: JSON {node.GetValueKind()}"
                : $"Only Map objects supported in absence of schema for [{purpose}], found: {value.GetType().FullName}. "
                    + "KConnector runs field-level transforms on schemaless values (System.Text.Json.Nodes.JsonNode, e.g. JsonConverter with schemas.enable=false); see docs/transforms.md."
        );
}
