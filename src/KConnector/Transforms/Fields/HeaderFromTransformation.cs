using System.Text.Json.Nodes;
using KConnector.Converters.Headers;
using KConnector.Records;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>HeaderFrom</c> on schemaless values: each field's value is added as a header
/// (after the record's own), and with <c>operation=move</c> removed from the object. The header
/// value is the field's value typed as Connect's schemaless JSON types it (an integer INT64, an
/// object a MAP...), so the <c>header.converter</c> writes it as Connect does (the
/// SimpleHeaderConverter: <c>42</c>, <c>true</c>, <c>{"a":1}</c>).
/// </summary>
internal sealed class HeaderFromTransformation(
    RecordPart part,
    IReadOnlyList<(string Field, string Header)> mappings,
    bool move
) : FieldTransformation(part, move ? "header move" : "header copy")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        var source = RequireObject(operating);
        var headers = new List<RecordHeader>(record.Headers.Count + mappings.Count);
        headers.AddRange(record.Headers);
        foreach (var (field, header) in mappings)
        {
            headers.Add(new RecordHeader(header, JsonNodeHeaderValues.From(source[field])));
        }
        if (!move)
        {
            return record with { Headers = headers };
        }
        var updated = (JsonObject)source.DeepClone();
        foreach (var (field, _) in mappings)
        {
            updated.Remove(field);
        }
        return With(record, updated) with { Headers = headers };
    }
}
