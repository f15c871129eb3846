using System.Text;
using KConnector.JsonSchema;

namespace KConnector.Tests.JsonSchema;

/// <summary>Payloads checked against the generated types' schemas with NJsonSchema 11.</summary>
public class JsonSchemaValidatorTests
{
    private static readonly Dictionary<string, string> References = new()
    {
        ["customer-profile.schema.json"] = CustomerProfile.JsonSchemaText,
    };

    private static JsonSchemaValidator OrderValidator() =>
        JsonSchemaValidator.For(PurchaseOrder.JsonSchemaText, References);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(99)]
    public void PayloadsTheGeneratedCodeWrites_AreValid(int seed)
    {
        var validator = OrderValidator();
        var random = new Random(seed);
        for (var i = 0; i < 50; i++)
        {
            var payload = JsonCodec.Write(RandomPurchaseOrders.Next(random));

            var result = validator.Validate(payload);

            Assert.True(result.IsValid, result + " in " + Encoding.UTF8.GetString(payload));
        }
    }

    [Theory]
    [InlineData("{\"name\":\"Ada\"}", "$.address", "PropertyRequired")]
    [InlineData(
        "{\"name\":3,\"address\":{\"city\":\"Delft\",\"street\":\"x\"}}",
        "$.name",
        "StringExpected"
    )]
    [InlineData(
        "{\"name\":\"\",\"address\":{\"city\":\"Delft\",\"street\":\"x\"}}",
        "$.name",
        "StringTooShort"
    )]
    [InlineData(
        "{\"name\":\"Ada\",\"address\":{\"street\":\"x\"}}",
        "$.address.city",
        "PropertyRequired"
    )]
    [InlineData(
        "{\"name\":\"Ada\",\"address\":{\"city\":\"D\",\"street\":\"x\"},\"since\":\"yesterday\"}",
        "$.since",
        "NoTypeValidates"
    )]
    public void InvalidCustomer_ListsThePathAndKindOfTheError(
        string payload,
        string path,
        string kind
    )
    {
        var result = JsonSchemaValidator
            .For(CustomerProfile.JsonSchemaText)
            .Validate(Encoding.UTF8.GetBytes(payload));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Kind == kind);
    }

    [Fact]
    public void InvalidOrder_ListsEveryError_IncludingThoseInDefinitionsAndOtherFiles()
    {
        var payload = GeneratedJsonRoundTripTests
            .Minimal("\"surprise\":true")
            .Replace("\"pending\"", "\"lost\"", StringComparison.Ordinal)
            .Replace("\"ABC-1\"", "\"abc\"", StringComparison.Ordinal)
            .Replace("\"city\":\"Delft\"", "\"city\":7", StringComparison.Ordinal);

        var result = OrderValidator().Validate(Encoding.UTF8.GetBytes(payload));

        Assert.False(result.IsValid);
        var found = result.Errors.Select(e => e.Kind + " " + e.Path).ToList();
        Assert.Contains("NoAdditionalPropertiesAllowed $.surprise", found);
        Assert.Contains("NotInEnumeration $.status", found);
        Assert.Contains("PatternMismatch $.lines[0].sku", found);
        Assert.Contains("StringExpected $.customer.address.city", found);
    }

    [Fact]
    public void DefinitionType_HasASchemaThatValidatesItAlone()
    {
        var validator = JsonSchemaValidator.For<OrderLine>();

        Assert.True(
            validator.Validate("{\"sku\":\"ABC-9\",\"quantity\":2,\"unitPrice\":1}"u8).IsValid
        );
        var invalid = validator.Validate("{\"sku\":\"ABC-9\",\"quantity\":0}"u8);
        Assert.Contains(
            invalid.Errors,
            e => e.Kind == "PropertyRequired" && e.Path == "$.unitPrice"
        );
        Assert.Contains(invalid.Errors, e => e.Kind == "NumberTooSmall" && e.Path == "$.quantity");
    }

    [Fact]
    public void MalformedPayload_IsOneErrorWithItsLine()
    {
        var result = OrderValidator().Validate("{\n\"id\": }"u8);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidJson", error.Kind, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void ValidateOrThrow_ThrowsAnExceptionListingTheErrors()
    {
        var e = Assert.Throws<JsonSchemaValidationException>(() =>
            JsonSchemaValidator
                .For(CustomerProfile.JsonSchemaText)
                .ValidateOrThrow("{\"name\":1}"u8)
        );

        Assert.Contains("StringExpected at $.name", e.Message, StringComparison.Ordinal);
        Assert.Contains("PropertyRequired at $.address", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public void Validators_AreBuiltOncePerSchemaText()
    {
        Assert.Same(
            JsonSchemaValidator.For(CustomerProfile.JsonSchemaText),
            JsonSchemaValidator.For<CustomerProfile>()
        );
        Assert.Same(OrderValidator(), OrderValidator());
        Assert.NotSame(
            OrderValidator(),
            JsonSchemaValidator.For(
                PurchaseOrder.JsonSchemaText,
                new Dictionary<string, string> { ["customer-profile.schema.json"] = "{}" }
            )
        );
    }

    [Fact]
    public void GeneratedType_CarriesTheDocumentsItsSchemaRefersTo()
    {
        Assert.Equal(
            CustomerProfile.JsonSchemaText,
            PurchaseOrder.JsonSchemaReferences["customer-profile.schema.json"]
        );
        var validator = JsonSchemaValidator.For<PurchaseOrder>();

        Assert.True(
            validator
                .Validate(Encoding.UTF8.GetBytes(GeneratedJsonRoundTripTests.Minimal(string.Empty)))
                .IsValid
        );
        Assert.Contains(
            validator
                .Validate(
                    Encoding.UTF8.GetBytes(
                        GeneratedJsonRoundTripTests
                            .Minimal(string.Empty)
                            .Replace("\"name\":\"Ada\"", "\"name\":\"\"", StringComparison.Ordinal)
                    )
                )
                .Errors,
            e => e.Kind == "StringTooShort" && e.Path == "$.customer.name"
        );
    }

    [Fact]
    public void CrossDirectoryReferences_ResolveFromTheGivenDocuments()
    {
        const string Invoice =
            """{"type":"object","properties":{"amount":{"$ref":"../common/money.schema.json#/$defs/Amount"}}}""";
        const string Money =
            """{"$defs":{"Amount":{"type":"object","required":["value"],"properties":{"value":{"type":"number"}}}}}""";
        var validator = JsonSchemaValidator.For(
            Invoice,
            new Dictionary<string, string> { ["../common/money.schema.json"] = Money }
        );

        Assert.True(validator.Validate("{\"amount\":{\"value\":1.5}}"u8).IsValid);
        Assert.Contains(
            validator.Validate("{\"amount\":{}}"u8).Errors,
            e => e.Kind == "PropertyRequired" && e.Path == "$.amount.value"
        );
    }

    [Fact]
    public void CrossFileReference_NotGiven_IsAClearErrorAndNeverAFileOrNetworkRead()
    {
        var e = Assert.Throws<JsonSchemaValidationException>(() =>
            JsonSchemaValidator.For(PurchaseOrder.JsonSchemaText)
        );

        Assert.Contains("customer-profile.schema.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotASchema_IsAClearError()
    {
        var e = Assert.Throws<JsonSchemaValidationException>(() =>
            JsonSchemaValidator.For("{ nope")
        );

        Assert.StartsWith("The JSON Schema cannot be loaded", e.Message, StringComparison.Ordinal);
    }
}
