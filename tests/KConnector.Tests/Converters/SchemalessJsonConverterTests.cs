using System.Text;
using KConnector.Converters;
using KConnector.Json;

namespace KConnector.Tests.Converters;

/// <summary>
/// A spec's schemaless JSON (<see cref="SchemalessJson"/>) through the JsonConverter its generated
/// worker builds from <see cref="SchemalessJson.Formats"/>: plain JSON with schemas.enable=false, and
/// with true Connect's envelope, written with "schema": null and read for its payload whatever its
/// schema says.
/// </summary>
public sealed class SchemalessJsonConverterTests
{
    private static IConverter<SchemalessJson> Converter(string schemasEnable) =>
        ConverterFactory.Create(
            "org.apache.kafka.connect.json.JsonConverter",
            new Dictionary<string, string> { ["schemas.enable"] = schemasEnable },
            isKey: false,
            SchemalessJson.Formats
        );

    [Fact]
    public void SchemasDisabled_PlainJson_RoundTrips()
    {
        var converter = Converter("false");
        var bytes = Encoding.UTF8.GetBytes("""{"id":7,"tags":["a"],"n":null}""");

        var value = converter.ToConnectData("orders", bytes);

        Assert.Equal(7, value!.Node["id"]!.GetValue<int>());
        Assert.Equal(bytes, converter.FromConnectData("orders", value));
        Assert.Null(converter.ToConnectData("orders", null));
        Assert.Null(converter.ToConnectData("orders", "null"u8.ToArray()));
    }

    [Fact]
    public void SchemasEnabled_WritesSchemaNull_AndReadsAStructEnvelopesPayload()
    {
        var converter = Converter("true");

        var written = converter.FromConnectData(
            "orders",
            new SchemalessJson(new System.Text.Json.Nodes.JsonObject { ["id"] = 7 })
        );
        var read = converter.ToConnectData(
            "orders",
            Encoding.UTF8.GetBytes(
                """{"schema":{"type":"struct","fields":[{"field":"id","type":"int32"}],"optional":false},"payload":{"id":8}}"""
            )
        );

        Assert.Equal("""{"schema":null,"payload":{"id":7}}""", Encoding.UTF8.GetString(written!));
        Assert.Equal("""{"id":8}""", read!.ToString());
    }

    [Fact]
    public void OnlyTheJsonConverterCarriesIt()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
            ConverterFactory.Create(
                "org.apache.kafka.connect.storage.StringConverter",
                new Dictionary<string, string>(),
                isKey: false,
                SchemalessJson.Formats
            )
        );

        Assert.Contains("StringConverter", error.Message, StringComparison.Ordinal);
    }
}
