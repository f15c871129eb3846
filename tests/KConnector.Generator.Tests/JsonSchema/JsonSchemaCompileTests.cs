using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>Generated types compile together with user code that uses them, without a warning.</summary>
public class JsonSchemaCompileTests
{
    [Fact]
    public void GeneratedTypes_CompileWithUserCodeThatSwitchesOverUnionsAndRoundTrips()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.schema.json",
                JsonSchemaFixtures.Order,
                JsonSchemaFixtures.ShopNamespace
            )
            .AddSchema(
                "customer.schema.json",
                JsonSchemaFixtures.Customer,
                JsonSchemaFixtures.ShopNamespace
            )
            .AddSource(
                """
                using System;
                using System.Buffers;
                using System.Text.Json;
                using KConnector.Json;
                using Shop.Json;

                public static class UserCode
                {
                    public static T RoundTrip<T>(T value) where T : IJsonSchemaRecord<T>
                    {
                        var buffer = new ArrayBufferWriter<byte>();
                        using (var writer = new Utf8JsonWriter(buffer))
                        {
                            T.WriteJson(writer, value);
                        }
                        var reader = new Utf8JsonReader(buffer.WrittenSpan);
                        return T.ReadJson(ref reader);
                    }

                    public static string Describe(OrderPayment payment) => payment switch
                    {
                        OrderPayment.Card card => "card " + card.Value.CardNumber,
                        OrderPayment.BankTransfer transfer => "iban " + transfer.Value.Iban,
                        _ => "unknown",
                    };

                    public static Order Make() => new()
                    {
                        Id = Guid.NewGuid(),
                        PlacedAt = DateTimeOffset.UnixEpoch,
                        Customer = new Customer { Name = "Ada", Loyalty = new CustomerLoyalty.Integer(3) },
                        Status = Status.OnHold,
                        Lines = [new Line { Sku = "A-1", Quantity = 2 }],
                        Payment = new OrderPayment.Card(new Card { CardNumber = "4111" }),
                        DeliveryDate = new DateOnly(2024, 2, 29),
                    };

                    public static string Schema => Order.JsonSchemaText + StatusJson.ToJsonName(Status.OnHold);
                }
                """
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void RootNamespace_IsTheDefaultNamespace_AndItemMetadataOverridesIt()
    {
        var run = new RootNamespaceHarness("Crm.Contracts")
            .AddSchema("customer.schema.json", JsonSchemaFixtures.Customer)
            .AddSchema(
                "money.schema.json",
                JsonSchemaFixtures.Money,
                new Dictionary<string, string> { ["KConnectorAccess"] = "internal" }
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Crm.Contracts.Customer.json.g.cs", run.HintNames);
        Assert.Contains(
            "internal sealed partial record Amount",
            run.Source("Crm.Contracts.Amount.json.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void GenerateFalse_LeavesASchemaFileOut()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "broken.schema.json",
                "{ not json",
                new Dictionary<string, string> { ["KConnectorGenerate"] = "false" }
            )
            .Run();

        Assert.Empty(run.HintNames);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void AwkwardNames_BecomeValidIdentifiers_AndKeepTheirJsonSpelling()
    {
        const string Schema = """
            {
              "title": "weird thing",
              "type": "object",
              "required": ["first-name", "first_name"],
              "properties": {
                "first-name": { "type": "string" },
                "first_name": { "type": "string" },
                "2nd \"quoted\" name": { "type": "integer" },
                "WeirdThing": { "type": "boolean" },
                "equals": { "type": "string" },
                "café": { "enum": ["a b", "A-B", "", "ä"] },
                "choice": { "oneOf": [{ "type": "string" }, { "$ref": "#/$defs/Value" }, {}] }
              },
              "$defs": { "Value": { "type": "object", "properties": { "v": {} } } }
            }
            """;
        var run = new GeneratorHarness()
            .AddSchema("weird.schema.json", Schema)
            .AddSource(
                """
                public static class UserCode
                {
                    public static WeirdThing Make() => new()
                    {
                        FirstName = "a",
                        FirstName2 = "b",
                        _2ndQuotedName = 2,
                        WeirdThingValue = true,
                        EqualsValue = "e",
                        Café = WeirdThingCafé.AB2,
                        Choice = new WeirdThingChoice.Value2(new Value()),
                    };

                    public static string Names() =>
                        WeirdThingCaféJson.ToJsonName(WeirdThingCafé.AB) + WeirdThingCaféJson.ToJsonName(WeirdThingCafé.Empty);
                }
                """
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var source = run.Source("WeirdThing.json.g.cs");
        Assert.Contains(
            "JsonEncodedText.Encode(\"2nd \\\"quoted\\\" name\")",
            source,
            StringComparison.Ordinal
        );
    }
}
