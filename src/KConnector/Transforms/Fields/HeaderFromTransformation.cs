using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Records;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>HeaderFrom</c> on schemaless values: each field's value is added as a header
/// (after the record's own), and with <c>operation=move</c> removed from the object. Headers are raw
/// bytes here, written as Connect's SimpleHeaderConverter writes a schemaless value: a string as its
/// UTF-8 text, anything else as JSON, null as a null header.
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
            headers.Add(new RecordHeader(header, HeaderBytes(source[field])));
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

    private static byte[]? HeaderBytes(JsonNode? value) =>
        value?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.String => Encoding.UTF8.GetBytes(value.GetValue<string>()),
            _ => Encoding.UTF8.GetBytes(value.ToJsonString()),
        };
}
