using System.Text;
using KConnector.Converters;
using KConnector.Converters.Json;
using KConnector.Testing.JsonSchema;
using KConnector.Tests.Avro;

namespace KConnector.Tests.Converters;

public class JsonConverterTests
{
    private static readonly GoldenOrder Order = new()
    {
        OrderId = "ORD-1",
        CustomerId = -300,
        Quantity = 2,
        UnitPrice = 12.5,
        Express = true,
        Weight = 0.25f,
        Signature = [1, 2, 255],
        Note = "gift é",
        Coupon = null,
    };

    private static JsonConverter<T> Converter<T>(IJsonCodec<T> codec, bool schemasEnable) =>
        new(
            codec,
            ConverterConfig.From(
                new Dictionary<string, string>
                {
                    ["schemas.enable"] = schemasEnable ? "true" : "false",
                },
                isKey: false
            )
        );

    [Fact]
    public void SchemasEnabled_WrapsTheRecordInConnectsEnvelope()
    {
        var converter = Converter(new AvroRecordJsonCodec<GoldenOrder>(), schemasEnable: true);

        var json = Encoding.UTF8.GetString(converter.FromConnectData("orders", Order)!);

        Assert.Equal(
            """{"schema":{"type":"struct","fields":[{"type":"string","optional":false,"field":"order_id"},{"type":"int64","optional":false,"field":"customer_id"},{"type":"int32","optional":false,"field":"quantity"},{"type":"double","optional":false,"field":"unit_price"},{"type":"boolean","optional":false,"field":"express"},{"type":"float","optional":false,"field":"weight"},{"type":"bytes","optional":false,"field":"signature"},{"type":"string","optional":true,"field":"note"},{"type":"string","optional":true,"field":"coupon"}],"optional":false,"name":"KConnector.Tests.Avro.GoldenOrder"},"payload":{"order_id":"ORD-1","customer_id":-300,"quantity":2,"unit_price":12.5,"express":true,"weight":0.25,"signature":"AQL/","note":"gift \u00E9","coupon":null}}""",
            json
        );
    }

    [Fact]
    public void SchemasDisabled_WritesPlainJson()
    {
        var converter = Converter(new AvroRecordJsonCodec<GoldenOrder>(), schemasEnable: false);

        var json = Encoding.UTF8.GetString(converter.FromConnectData("orders", Order)!);

        Assert.StartsWith("""{"order_id":"ORD-1","customer_id":-300,""", json);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoundTrip_ReadsBackWhatItWrote(bool schemasEnable)
    {
        var converter = Converter(new AvroRecordJsonCodec<GoldenOrder>(), schemasEnable);

        var decoded = converter.ToConnectData("orders", converter.FromConnectData("orders", Order));

        Assert.NotNull(decoded);
        Assert.Equal(Order with { Signature = decoded.Signature }, decoded);
        Assert.Equal(Order.Signature, decoded.Signature);
    }

    [Fact]
    public void PlainJsonRead_WithSchemasEnabled_SaysToSetSchemasEnableFalse()
    {
        var converter = Converter(new AvroRecordJsonCodec<GoldenOrder>(), schemasEnable: true);

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData("orders", """{"order_id":"x"}"""u8.ToArray())
        );

        Assert.Contains("set schemas.enable=false", error.Message);
        Assert.Contains("'orders'", error.Message);
    }

    [Fact]
    public void MissingRequiredField_NamesTheField()
    {
        var converter = Converter(new AvroRecordJsonCodec<GoldenOrder>(), schemasEnable: false);

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData(
                "orders",
                """{"order_id":"x","customer_id":"seven"}"""u8.ToArray()
            )
        );

        Assert.Contains("GoldenOrder.customer_id", error.Message);
    }

    [Fact]
    public void MalformedJson_IsADataException()
    {
        var converter = Converter(StringJsonCodec.Instance, schemasEnable: false);

        Assert.Throws<DataException>(() => converter.ToConnectData("t", "{\"a\":"u8.ToArray()));
    }

    [Fact]
    public void Strings_AreEnvelopedWithAStringSchema()
    {
        var converter = Converter(StringJsonCodec.Instance, schemasEnable: true);

        var bytes = converter.FromConnectData("t", "hi")!;

        Assert.Equal(
            """{"schema":{"type":"string","optional":false},"payload":"hi"}""",
            Encoding.UTF8.GetString(bytes)
        );
        Assert.Equal("hi", converter.ToConnectData("t", bytes));
    }

    [Fact]
    public void Nulls_PassThrough_AndANullPayloadReadsAsNull()
    {
        var converter = Converter(StringJsonCodec.Instance, schemasEnable: true);

        Assert.Null(converter.FromConnectData("t", null));
        Assert.Null(converter.ToConnectData("t", null));
        Assert.Null(
            converter.ToConnectData(
                "t",
                """{"schema":{"type":"string","optional":true},"payload":null}"""u8.ToArray()
            )
        );
    }

    [Fact]
    public void JsonSchemaTypes_GetAConnectSchemaFromTheirJsonSchema()
    {
        var converter = Converter(
            new JsonSchemaRecordJsonCodec<JsonSchemaCustomer>(),
            schemasEnable: true
        );
        var customer = new JsonSchemaCustomer { Id = "c1", Age = 41 };

        var bytes = converter.FromConnectData("customers", customer)!;

        Assert.Equal(
            """{"schema":{"type":"struct","fields":[{"type":"string","optional":false,"field":"id"},{"type":"int64","optional":false,"field":"age"},{"type":"string","optional":true,"field":"email"}],"optional":false,"name":"shop.Customer"},"payload":{"id":"c1","age":41,"email":null}}""",
            Encoding.UTF8.GetString(bytes)
        );
        Assert.Equal(customer, converter.ToConnectData("customers", bytes));
    }
}
