using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>ValueToKey</c> on schemaless values: the key becomes an object of the named
/// fields of the value, in the order listed (an absent field is null, as Connect's
/// <c>key.put(field, value.get(field))</c>). A tombstone keeps its key.
/// </summary>
internal sealed class ValueToKeyTransformation(IReadOnlyList<string> fields) : ITransformation
{
    private const string Purpose = "copying fields from value to key";

    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        object? value = record.Value;
        if (value is null)
        {
            return record;
        }
        if (SchemalessNodes.NodeOf(value) is not JsonObject source)
        {
            throw FieldTransformation.NotSchemaless(Purpose, value);
        }
        var key = new JsonObject();
        foreach (var field in fields)
        {
            key[field] = source[field]?.DeepClone();
        }
        return SchemalessNodes.TryAs<TKey>(key, out var typed)
            ? record with
            {
                Key = typed,
            }
            : throw new DataException(
                $"[{Purpose}] makes an object key, which the record's key type {typeof(TKey).Name} cannot hold; declare it as JsonNode."
            );
    }
}
