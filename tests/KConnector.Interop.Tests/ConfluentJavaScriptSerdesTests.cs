using KConnector.Interop;
using KConnector.Testing.JsonSchema;
using KConnector.Tests.Converters.Protos;

namespace KConnector.Interop.Tests;

/// <summary>
/// KConnector's Avro, Protobuf and JSON Schema converters against Confluent's own JavaScript serdes
/// (npm @confluentinc/schemaregistry): each side reads what the other wrote. Runs wherever Node.js is
/// installed; where it is not, the tests fail (they are never skipped).
/// </summary>
public sealed class ConfluentJavaScriptSerdesTests : IClassFixture<InteropRun>
{
    private readonly InteropRun _run;

    public ConfluentJavaScriptSerdesTests(InteropRun run)
    {
        _run = run;
    }

    [Fact]
    public void BothRegistriesGaveTheSameIds()
    {
        Assert.Equal([1, 2, 3], _run.OurIds);
        Assert.Equal(
            [1, 2, 3],
            _run.Output.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32())
        );
    }

    [Fact]
    public void ConfluentReadsOurAvro()
    {
        var avro = _run.Read("avro");

        Assert.Equal("p-dotnet", avro.GetProperty("id").GetString());
        Assert.Equal("9007199254740000", avro.GetProperty("amount_cents").GetString());
        Assert.Equal(-2, avro.GetProperty("attempts").GetInt32());
        Assert.Equal(1.5, avro.GetProperty("rate").GetDouble());
        Assert.False(avro.GetProperty("captured").GetBoolean());
        Assert.Equal(
            Convert.ToBase64String(InteropRun.OurPayment.Token),
            avro.GetProperty("token").GetString()
        );
        Assert.Equal(System.Text.Json.JsonValueKind.Null, avro.GetProperty("memo").ValueKind);
    }

    [Fact]
    public void WeReadConfluentsAvro()
    {
        var payment = _run.Avro.ToConnectData("payments", _run.Written("avro"));

        Assert.Equal(
            new Payment
            {
                Id = "p-js",
                AmountCents = 123456789012,
                Attempts = 3,
                Rate = 0.125,
                Captured = true,
                Token = payment!.Token,
                Memo = "from node",
            },
            payment
        );
        Assert.Equal([9, 8, 7], payment.Token);
    }

    [Fact]
    public void ConfluentReadsOurProtobuf_IncludingANestedMessage()
    {
        var order = _run.Read("order");
        var line = _run.Read("line");

        Assert.Equal("kconnector.tests.shop.Order", order.GetProperty("typeName").GetString());
        Assert.Equal(
            """{"typeName":"kconnector.tests.shop.Order","id":"o-dotnet","quantity":"3","price":4.25,"customer":{"id":"c-dotnet","name":"Ada"},"lines":[{"sku":"a","count":1},{"sku":"b","count":2}]}""",
            System.Text.Json.JsonSerializer.Serialize(order)
        );
        Assert.Equal("kconnector.tests.shop.Order.Line", line.GetProperty("typeName").GetString());
        Assert.Equal("only-a-line", line.GetProperty("sku").GetString());
        Assert.Equal(9, line.GetProperty("count").GetInt32());
    }

    [Fact]
    public void WeReadConfluentsProtobuf_IncludingANestedMessage()
    {
        var order = _run.Orders.ToConnectData("orders", _run.Written("order"));
        var line = _run.Lines.ToConnectData("lines", _run.Written("line"));

        Assert.Equal(
            new Order
            {
                Id = "o-js",
                Quantity = 7,
                Price = 19.5,
                Customer = new Customer { Id = "c-js", Name = "Zoë" },
                Lines =
                {
                    new Order.Types.Line { Sku = "s1", Count = 2 },
                },
            },
            order
        );
        Assert.Equal(new Order.Types.Line { Sku = "nested", Count = 5 }, line);
        // Confluent writes [1, 0] for Order.Line: count 2, then 1 and 0, zig-zag encoded.
        Assert.Equal([0x04, 0x02, 0x00], _run.Written("line")[5..8]);
    }

    [Fact]
    public void ConfluentReadsOurJsonSchema_AndRejectsWhatTheSchemaRejects()
    {
        var customer = _run.Read("customer");

        Assert.Equal(
            """{"id":"c-dotnet","age":41,"email":"ada@example.com"}""",
            System.Text.Json.JsonSerializer.Serialize(customer)
        );
        Assert.Contains("minimum", _run.Read("invalidJson").GetString());
    }

    [Fact]
    public void WeReadConfluentsJsonSchema()
    {
        var customer = _run.Customers.ToConnectData("customers", _run.Written("customer"));

        Assert.Equal(
            new JsonSchemaCustomer
            {
                Id = "c-js",
                Age = 30,
                Email = null,
            },
            customer
        );
    }
}
