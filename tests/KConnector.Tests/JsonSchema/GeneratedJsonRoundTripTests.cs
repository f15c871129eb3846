using System.Text;
using System.Text.Json;

namespace KConnector.Tests.JsonSchema;

/// <summary>
/// Types generated from purchase-order.schema.json and customer-profile.schema.json (this
/// folder; picked up by the package props) written and read back: equal values, equal bytes.
/// </summary>
public class GeneratedJsonRoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2024)]
    public void RandomOrders_WriteThenRead_GiveEqualValuesAndBytes(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var order = RandomPurchaseOrders.Next(random);

            var bytes = JsonCodec.Write(order);
            var read = JsonCodec.Read<PurchaseOrder>(bytes);

            AssertSameOrder(order, read);
            Assert.Equal(
                Encoding.UTF8.GetString(bytes),
                Encoding.UTF8.GetString(JsonCodec.Write(read))
            );
        }
    }

    [Fact]
    public void Enum_UsesTheSchemasJsonNames()
    {
        var order = RandomPurchaseOrders.Next(new Random(7)) with { Status = OrderStatus.OnHold };

        var json = Encoding.UTF8.GetString(JsonCodec.Write(order));

        Assert.Contains("\"status\":\"on-hold\"", json, StringComparison.Ordinal);
        Assert.Equal("on-hold", OrderStatusJson.ToJsonName(OrderStatus.OnHold));
    }

    [Fact]
    public void Union_ReadsTheBranchThePayloadMatches()
    {
        const string Card = """{"cardNumber":"4111","expiry":"2030-01-31"}""";
        const string Transfer = """{"iban":"NL91ABNA0417164300"}""";

        var card = JsonCodec.Read<PurchaseOrder>(Minimal("\"payment\":" + Card)).Payment;
        var transfer = JsonCodec.Read<PurchaseOrder>(Minimal("\"payment\":" + Transfer)).Payment;

        var cardCase = Assert.IsType<PurchaseOrderPayment.Card>(card);
        Assert.Equal(new DateOnly(2030, 1, 31), cardCase.Value.Expiry);
        Assert.Equal(
            "NL91ABNA0417164300",
            Assert.IsType<PurchaseOrderPayment.BankTransfer>(transfer).Value.Iban
        );
    }

    [Fact]
    public void UnknownMembers_AreKeptAndWrittenBack_WhenTheSchemaAllowsThem()
    {
        const string Customer =
            """{"name":"Ada","address":{"street":"Main 1","city":"Delft","floor":3},"vip":{"since":2020}}""";

        var read = JsonCodec.Read<CustomerProfile>(Customer);

        Assert.Equal(2020, read.AdditionalProperties!["vip"].GetProperty("since").GetInt32());
        Assert.Equal(3, read.Address.AdditionalProperties!["floor"].GetInt32());
        Assert.Equal(Customer, Encoding.UTF8.GetString(JsonCodec.Write(read)));
    }

    [Fact]
    public void MissingRequiredProperty_ThrowsNamingThePropertyAndThePath()
    {
        var json = Minimal(string.Empty)
            .Replace(
                """{"sku":"ABC-1","quantity":1,"unitPrice":2.5}""",
                """{"sku":"ABC-1","quantity":1,"unitPrice":2.5},{"quantity":1,"unitPrice":2.5}""",
                StringComparison.Ordinal
            );

        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<PurchaseOrder>(json)
        );

        Assert.Equal("$.lines[1]", e.Path);
        Assert.Contains(
            "OrderLine: the required property \"sku\" is missing",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void MissingRequiredProperty_AtTheRoot_NamesTheRoot()
    {
        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<CustomerProfile>("""{"name":"Ada"}""")
        );

        Assert.Equal("$", e.Path);
        Assert.Contains("\"address\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"total\":\"12\"", "$.total", "expected a number, found a string")]
    [InlineData("\"deliveryDate\":\"2024-13-01\"", "$.deliveryDate", "yyyy-MM-dd")]
    [InlineData("\"trackingUrl\":\"not a uri\"", "$.trackingUrl", "absolute URI")]
    [InlineData("\"attributes\":{\"a\":1}", "$.attributes.a", "expected a string")]
    [InlineData("\"surprise\":1", "$.surprise", "not declared")]
    [InlineData(
        "\"payment\":{\"iban\":1}",
        "$.payment",
        "matches none of the branches Card, BankTransfer"
    )]
    public void WrongValue_ThrowsWithItsPath(string member, string path, string message)
    {
        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<PurchaseOrder>(Minimal(member))
        );

        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumValueNotInTheSchema_ThrowsListingTheAllowedValues()
    {
        var json = Minimal(string.Empty)
            .Replace("\"pending\"", "\"lost\"", StringComparison.Ordinal);

        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<PurchaseOrder>(json)
        );

        Assert.Equal("$.status", e.Path);
        Assert.Contains("\"on-hold\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_LeavesTheReaderOnTheObjectsLastToken()
    {
        var bytes = Encoding.UTF8.GetBytes(
            "[" + Minimal(string.Empty) + "," + Minimal(string.Empty) + "]"
        );
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Read();

        PurchaseOrder.ReadJson(ref reader);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        reader.Read();
        PurchaseOrder.ReadJson(ref reader);
        reader.Read();

        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
    }

    internal static string Minimal(string extraMember) =>
        "{\"id\":\"8f0d1f7e-6b8a-4c39-9a57-1b2c3d4e5f60\",\"placedAt\":\"2024-05-01T10:15:00+02:00\","
        + "\"customer\":{\"name\":\"Ada\",\"address\":{\"street\":\"Main 1\",\"city\":\"Delft\"}},"
        + "\"status\":\"pending\",\"lines\":[{\"sku\":\"ABC-1\",\"quantity\":1,\"unitPrice\":2.5}],\"total\":2.5"
        + (extraMember.Length > 0 ? "," + extraMember : string.Empty)
        + "}";

    private static void AssertSameOrder(PurchaseOrder expected, PurchaseOrder actual)
    {
        // Records compare lists and dictionaries by reference: compare member by member.
        Assert.Equal(
            expected with
            {
                Customer = null!,
                Lines = null!,
                Tags = null,
                Attributes = null,
            },
            actual with
            {
                Customer = null!,
                Lines = null!,
                Tags = null,
                Attributes = null,
            }
        );
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(
            expected.Customer with
            {
                AdditionalProperties = null,
            },
            actual.Customer with
            {
                AdditionalProperties = null,
            }
        );
        Assert.Equal(
            expected.Customer.AdditionalProperties?.ToDictionary(
                p => p.Key,
                p => p.Value.GetRawText()
            ),
            actual.Customer.AdditionalProperties?.ToDictionary(
                p => p.Key,
                p => p.Value.GetRawText()
            )
        );
    }
}
