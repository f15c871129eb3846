using System.Text;
using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Tests.Converters;

/// <summary>
/// Schemaless structured values (JsonNode) through the JsonConverter, as Connect's JsonConverter
/// reads and writes a Map without schema: what field-level transforms work on.
/// </summary>
public sealed class JsonNodeConverterTests
{
    private static IConverter<JsonNode> Converter(string schemasEnable) =>
        ConverterFactory.Create(
            "org.apache.kafka.connect.json.JsonConverter",
            new Dictionary<string, string> { ["schemas.enable"] = schemasEnable },
            isKey: false,
            ConverterFormats.None<JsonNode>()
        );

    [Fact]
    public void SchemasDisabled_PlainJson_RoundTrips()
    {
        var converter = Converter("false");
        var bytes = Encoding.UTF8.GetBytes("""{"id":7,"tags":["a"],"price":1.5,"n":null}""");

        var value = converter.ToConnectData("orders", bytes);

        Assert.Equal(7, value!["id"]!.GetValue<int>());
        Assert.Equal(bytes, converter.FromConnectData("orders", value));
        Assert.Null(converter.ToConnectData("orders", null));
        Assert.Null(converter.FromConnectData("orders", null));
    }

    [Fact]
    public void SchemasEnabled_EnvelopeSaysSchemaNull_AsConnectWritesASchemalessValue()
    {
        var converter = Converter("true");

        var bytes = converter.FromConnectData("orders", JsonNode.Parse("""{"id":7}"""));

        Assert.Equal("""{"schema":null,"payload":{"id":7}}""", Encoding.UTF8.GetString(bytes!));
        Assert.Equal("""{"id":7}""", converter.ToConnectData("orders", bytes)!.ToJsonString());
    }

    [Fact]
    public void NotJson_IsADataExceptionNamingTheTopic()
    {
        var error = Assert.Throws<DataException>(() =>
            Converter("false").ToConnectData("orders", Encoding.UTF8.GetBytes("{nope"))
        );

        Assert.Contains("orders", error.Message, StringComparison.Ordinal);
    }
}
