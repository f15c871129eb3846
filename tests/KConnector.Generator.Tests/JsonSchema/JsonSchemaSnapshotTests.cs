using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>The generated code of a representative set of schemas, snapshot by snapshot.</summary>
public class JsonSchemaSnapshotTests
{
    private static GeneratorRun RunShop() =>
        new GeneratorHarness()
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
            .Run();

    [Fact]
    public void Shop_GeneratesOneFilePerType()
    {
        var run = RunShop();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(
            [
                "Shop.Json.Address.json.g.cs",
                "Shop.Json.BankTransfer.json.g.cs",
                "Shop.Json.Card.json.g.cs",
                "Shop.Json.Customer.json.g.cs",
                "Shop.Json.CustomerLoyalty.json.g.cs",
                "Shop.Json.CustomerPreferences.json.g.cs",
                "Shop.Json.Line.json.g.cs",
                "Shop.Json.Order.json.g.cs",
                "Shop.Json.OrderPayment.json.g.cs",
                "Shop.Json.Status.json.g.cs",
            ],
            run.HintNames.Where(n => n.EndsWith(".json.g.cs", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
        );
        // The compiled validation: one file per type that carries its schema (root and $defs).
        Assert.Equal(
            [
                "Shop.Json.Address.validation.g.cs",
                "Shop.Json.BankTransfer.validation.g.cs",
                "Shop.Json.Card.validation.g.cs",
                "Shop.Json.Customer.validation.g.cs",
                "Shop.Json.Line.validation.g.cs",
                "Shop.Json.Order.validation.g.cs",
            ],
            run.HintNames.Where(n => n.EndsWith(".validation.g.cs", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void GeneratedValidation_MatchesSnapshot()
    {
        var run = RunShop();

        JsonSchemaSnapshots.Verify(
            run.Source("Shop.Json.Order.validation.g.cs"),
            "JsonSchema_Validation_Order"
        );
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData("Order", "JsonSchema_Object_Formats_CrossFileRef")]
    [InlineData("Status", "JsonSchema_Enum")]
    [InlineData("OrderPayment", "JsonSchema_OneOfUnion")]
    [InlineData("CustomerLoyalty", "JsonSchema_TypeUnion")]
    [InlineData("Customer", "JsonSchema_Draft07_KeepsUnknownMembers")]
    [InlineData("Line", "JsonSchema_Definition")]
    public void GeneratedCode_MatchesSnapshot(string type, string snapshot)
    {
        var run = RunShop();

        JsonSchemaSnapshots.Verify(run.Source("Shop.Json." + type + ".json.g.cs"), snapshot);
    }

    [Fact]
    public void DefinitionsOnlyFile_ReferencedAcrossDirectories_GeneratesNestedArraysAndAliases()
    {
        var run = new GeneratorHarness()
            .AddSchema("common/money.schema.json", JsonSchemaFixtures.Money)
            .AddSchema("billing/invoice.schema.json", JsonSchemaFixtures.Invoice)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(
            [
                "Amount.json.g.cs",
                "Amount.validation.g.cs",
                "Invoice.json.g.cs",
                "Invoice.validation.g.cs",
            ],
            run.HintNames.Order(StringComparer.Ordinal)
        );
        JsonSchemaSnapshots.Verify(
            run.Source("Invoice.json.g.cs"),
            "JsonSchema_CrossDirectory_Alias_NestedArrays"
        );
        Assert.Empty(run.CompileProblems());
    }
}
