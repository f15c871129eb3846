using System.Text.Json;
using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// The index mapping created from a record schema when schema.ignore=false, as the Confluent
/// sink's <c>Mapping.buildMapping</c>: Avro types to Elasticsearch field types (string to text with
/// a keyword sub-field, bytes to binary).
/// </summary>
internal static class ElasticsearchMapping
{
    public static byte[] Build(RecordShape shape)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("mappings");
            json.WriteStartObject("properties");
            foreach (var field in shape.Fields)
            {
                json.WriteStartObject(field.Name);
                json.WriteString(
                    "type",
                    field.Type switch
                    {
                        FieldType.Boolean => "boolean",
                        FieldType.Int => "integer",
                        FieldType.Long => "long",
                        FieldType.Float => "float",
                        FieldType.Double => "double",
                        FieldType.Bytes => "binary",
                        _ => "text",
                    }
                );
                if (field.Type == FieldType.String)
                {
                    json.WriteStartObject("fields");
                    json.WriteStartObject("keyword");
                    json.WriteString("type", "keyword");
                    json.WriteNumber("ignore_above", 256);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }
}
