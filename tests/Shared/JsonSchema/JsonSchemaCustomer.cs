using System.Text.Json;
using KConnector.Json;

namespace KConnector.Testing.JsonSchema;

/// <summary>
/// A hand-written JSON Schema record (what the generator writes for a `.schema.json`), for the
/// converter tests, the interop tests against Confluent's serdes and the converter benchmarks alike:
/// written by hand so those projects need not run the generator.
/// </summary>
public sealed record JsonSchemaCustomer : IJsonSchemaRecord<JsonSchemaCustomer>
{
    public required string Id { get; init; }

    public required long Age { get; init; }

    public string? Email { get; init; }

    public static string JsonSchemaText =>
        """{"$schema":"http://json-schema.org/draft-07/schema#","title":"shop.Customer","type":"object","properties":{"id":{"type":"string","minLength":1},"age":{"type":"integer","minimum":0},"email":{"type":["string","null"]}},"required":["id","age"],"additionalProperties":false}""";

    public static void WriteJson(Utf8JsonWriter writer, JsonSchemaCustomer value)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteNumber("age", value.Age);
        if (value.Email is { } email)
        {
            writer.WriteString("email", email);
        }
        else
        {
            writer.WriteNull("email");
        }
        writer.WriteEndObject();
    }

    public static JsonSchemaCustomer ReadJson(ref Utf8JsonReader reader)
    {
        string? id = null;
        long age = 0;
        string? email = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = reader.GetString();
                    break;
                case "age":
                    age = reader.GetInt64();
                    break;
                case "email":
                    email = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new JsonSchemaCustomer
        {
            Id = id ?? throw new JsonException("'id' is required."),
            Age = age,
            Email = email,
        };
    }
}
