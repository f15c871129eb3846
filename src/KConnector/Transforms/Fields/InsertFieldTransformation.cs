using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>InsertField</c> on schemaless values (<c>applySchemaless</c>): a copy of the
/// object with the topic, partition (when known), offset (sink records only), timestamp (epoch
/// milliseconds, when known) and static value put in; a field already there is replaced.
/// </summary>
internal sealed class InsertFieldTransformation(
    RecordPart part,
    string? topicField,
    string? partitionField,
    string? offsetField,
    string? timestampField,
    string? staticField,
    string? staticValue
) : FieldTransformation(part, Purpose)
{
    private const string Purpose = "field insertion";

    /// <summary>The field's name without Connect's <c>!</c> (required) or <c>?</c> (optional) suffix, which only a schema uses.</summary>
    public static string? FieldName(string? configured) =>
        string.IsNullOrEmpty(configured) ? null
        : configured[^1] is '!' or '?' ? configured[..^1]
        : configured;

    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        var updated = (JsonObject)RequireObject(operating).DeepClone();
        if (topicField is not null)
        {
            updated[topicField] = record.Topic;
        }
        if (partitionField is not null && record.Partition is { } partition)
        {
            updated[partitionField] = partition;
        }
        if (offsetField is not null)
        {
            updated[offsetField] =
                record.KafkaOffset
                ?? throw new DataException(
                    $"Only SinkRecord supported for [{Purpose}], found: a source record (offset.field applies to sink connectors only)"
                );
        }
        if (timestampField is not null && record.Timestamp is { } timestamp)
        {
            updated[timestampField] = timestamp.ToUnixTimeMilliseconds();
        }
        if (staticField is not null && staticValue is not null)
        {
            updated[staticField] = staticValue;
        }
        return With(record, updated);
    }
}
