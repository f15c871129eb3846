using System.Text;
using KConnector.Converters;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry;
using KConnector.Testing.JsonSchema;

namespace KConnector.Tests.Converters;

public class JsonSchemaConverterTests
{
    private static (
        JsonSchemaConverter<JsonSchemaCustomer> Converter,
        MockSchemaRegistryClient Registry
    ) Create()
    {
        var scope = Guid.NewGuid().ToString();
        var registry = new MockSchemaRegistryClient(scope);
        return (
            new JsonSchemaConverter<JsonSchemaCustomer>(
                registry,
                ConverterConfig.ForMockRegistry(scope, isKey: false)
            ),
            registry
        );
    }

    [Fact]
    public async Task Write_FramesTheJsonText_AndRegistersTheSchemaAsJSON()
    {
        var (converter, registry) = Create();

        var bytes = converter.FromConnectData(
            "customers",
            new JsonSchemaCustomer { Id = "c1", Age = 3 }
        )!;

        var latest = await registry.GetLatestSchemaAsync("customers-value", default);
        Assert.Equal(new Schema(JsonSchemaCustomer.JsonSchemaText, SchemaType.Json), latest.Schema);
        Assert.Equal([0, 0, 0, 0, (byte)latest.Id], bytes[..5]);
        Assert.Equal(
            """{"id":"c1","age":3,"email":null}""",
            Encoding.UTF8.GetString(bytes.AsSpan(5))
        );
    }

    [Fact]
    public void RoundTrip()
    {
        var (converter, _) = Create();
        var customer = new JsonSchemaCustomer
        {
            Id = "c1",
            Age = 3,
            Email = "a@b",
        };

        Assert.Equal(
            customer,
            converter.ToConnectData("customers", converter.FromConnectData("customers", customer))
        );
    }

    [Fact]
    public void Write_AValueTheSchemaRejects_IsAValidationError()
    {
        var (converter, _) = Create();

        var error = Assert.Throws<JsonSchemaValidationException>(() =>
            converter.FromConnectData("customers", new JsonSchemaCustomer { Id = "", Age = -1 })
        );

        Assert.Contains("topic 'customers'", error.Message);
        Assert.Contains(error.Errors, e => e is { Path: "$.age", Kind: "NumberTooSmall" });
        Assert.Contains(error.Errors, e => e is { Path: "$.id", Kind: "StringTooShort" });
    }

    [Fact]
    public void Read_APayloadTheWriterSchemaRejects_IsAValidationError()
    {
        var (converter, _) = Create();
        var good = converter.FromConnectData(
            "customers",
            new JsonSchemaCustomer { Id = "c", Age = 1 }
        )!;
        var bad = good[..5].Concat("""{"id":"c","age":1,"extra":true}"""u8.ToArray()).ToArray();

        var error = Assert.Throws<JsonSchemaValidationException>(() =>
            converter.ToConnectData("customers", bad)
        );

        Assert.Contains("read from topic 'customers'", error.Message);
        Assert.Contains("NoAdditionalPropertiesAllowed", error.Message);
    }

    [Fact]
    public void ValidationErrors_AreDataExceptions_SoErrorsToleranceApplies()
    {
        Assert.True(typeof(DataException).IsAssignableFrom(typeof(JsonSchemaValidationException)));
    }

    [Fact]
    public void UnknownMagicByteAndSchemaId_AreClearErrors()
    {
        var (converter, _) = Create();

        Assert.Contains(
            "unknown magic byte 1",
            Assert
                .Throws<DataException>(() =>
                    converter.ToConnectData("c", [1, 0, 0, 0, 1, 0x7b, 0x7d])
                )
                .Message
        );
        Assert.Contains(
            "schema id 9",
            Assert
                .Throws<DataException>(() =>
                    converter.ToConnectData("c", [0, 0, 0, 0, 9, 0x7b, 0x7d])
                )
                .Message
        );
    }

    [Fact]
    public void Nulls_PassThrough()
    {
        var (converter, _) = Create();

        Assert.Null(converter.FromConnectData("c", null));
        Assert.Null(converter.ToConnectData("c", null));
    }
}
