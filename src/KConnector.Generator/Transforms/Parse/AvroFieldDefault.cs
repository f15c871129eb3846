using System.Globalization;
using System.Linq;
using System.Text;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A record field's default as Confluent's AvroData carries it through Connect (<c>toConnectSchema</c>
/// reads <c>field.defaultVal()</c> into the field schema's default, <c>defaultValueFromAvro</c>) and
/// writes it back (<c>defaultValueFromConnect</c>, then the Avro field's <c>default</c>): the same
/// value, a float or double as Jackson writes Java's (<c>1.0</c>, <c>1.0E10</c>). AvroData loses
/// some: a <c>["null", T]</c> union's (read as an optional T before the default is looked at), a
/// record's and a list or map of records holding items (Avro gives a Java map, which AvroData's
/// <c>toConnectData</c> cannot take for a struct: "Ignoring invalid default"). Those are null here.
/// </summary>
internal static class AvroFieldDefault
{
    /// <summary>The default written back for a field of Connect schema <paramref name="schema"/>, or null.</summary>
    public static string? Of(string? json, TransformSchema schema) =>
        json is null || !schema.IsKnown ? null : Written(JsonParser.Parse(json), schema);

    private static string? Written(JsonNode value, TransformSchema schema)
    {
        switch (schema.Type)
        {
            case ConnectSchemaType.Struct:
                return null;
            case ConnectSchemaType.Array or ConnectSchemaType.Map when schema.Items is { } items:
                var holds =
                    value.Kind == JsonKind.Array ? value.Items.Count : value.Properties.Count;
                return holds > 0 && (items.IsStruct || !items.IsKnown)
                    ? null
                    : Collection(value, items);
            case ConnectSchemaType.Float32 when value.Kind == JsonKind.Number:
                return JavaNumberText.Of(float.Parse(value.Text!, CultureInfo.InvariantCulture));
            case ConnectSchemaType.Float64 when value.Kind == JsonKind.Number:
                return JavaNumberText.Of(double.Parse(value.Text!, CultureInfo.InvariantCulture));
            default:
                return JsonCompactWriter.Write(value);
        }
    }

    private static string Collection(JsonNode value, TransformSchema items)
    {
        if (value.Kind == JsonKind.Array)
        {
            return "[" + string.Join(",", value.Items.Select(i => Written(i, items))) + "]";
        }
        var json = new StringBuilder("{");
        foreach (var entry in value.Properties)
        {
            json.Append(json.Length > 1 ? "," : string.Empty);
            JsonCompactWriter.WriteString(entry.Name, json);
            json.Append(':').Append(Written(entry.Value, items));
        }
        return json.Append('}').ToString();
    }
}
