using KConnector.Generator.JsonSchema;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>Editing one schema file re-parses that file only and re-emits only the types whose model changed.</summary>
public class JsonSchemaIncrementalityTests
{
    private static readonly string[] Steps =
    [
        KConnectorGeneratorStepNames.JsonSchemaFiles,
        KConnectorGeneratorStepNames.JsonSchemaParsed,
        KConnectorGeneratorStepNames.JsonSchemaResolved,
        KConnectorGeneratorStepNames.JsonSchemaTypes,
        KConnectorGeneratorStepNames.JsonSchemaDiagnostics,
    ];

    [Fact]
    public void UnrelatedCSharpEdit_LeavesEveryJsonSchemaStepCachedOrUnchanged()
    {
        var harness = Shop().AddSource("public class A { }");
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var second = driver
            .RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }")))
            .GetRunResult()
            .Results.Single();

        foreach (var name in Steps)
        {
            Assert.All(
                second.TrackedSteps[name].SelectMany(s => s.Outputs),
                o =>
                    Assert.True(
                        o.Reason
                            is IncrementalStepRunReason.Cached
                                or IncrementalStepRunReason.Unchanged,
                        $"{name} was {o.Reason}"
                    )
            );
        }
    }

    [Fact]
    public void EditingOneSchema_ReparsesOnlyIt_AndReEmitsOnlyTheTypesItDeclares()
    {
        var harness = new RootNamespaceHarness("Shop.Json")
            .AddSchema("order.schema.json", JsonSchemaFixtures.Order)
            .AddSchema("customer.schema.json", JsonSchemaFixtures.Customer);
        var compilation = new GeneratorHarness().CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var customer = harness.Files.Single(t =>
            t.Path.EndsWith("customer.schema.json", StringComparison.Ordinal)
        );
        var edited = new InMemoryAdditionalText(
            customer.Path,
            JsonSchemaFixtures.Customer.Replace(
                "\"city\": { \"type\": \"string\" }",
                "\"city\": { \"type\": \"string\", \"description\": \"The town.\" }",
                StringComparison.Ordinal
            )
        );

        var second = driver
            .ReplaceAdditionalText(customer, edited)
            .RunGenerators(compilation)
            .GetRunResult()
            .Results.Single();

        var parsed = second
            .TrackedSteps[KConnectorGeneratorStepNames.JsonSchemaParsed]
            .SelectMany(s => s.Outputs)
            .ToList();
        Assert.Single(parsed, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(
            parsed,
            o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged
        );

        var types = second
            .TrackedSteps[KConnectorGeneratorStepNames.JsonSchemaTypes]
            .SelectMany(s => s.Outputs)
            .ToList();
        var changed = types
            .Where(o =>
                o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New
            )
            .Select(o => ((JsonTypeDeclaration)o.Value).Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        // Address got a doc comment and Customer's span (which encloses it) grew; the types before
        // the edit and all of the order file's types (Order, Line, Card, ...) are not written again.
        Assert.Equal(["Address", "Customer"], changed);
        Assert.Contains(
            types,
            o =>
                ((JsonTypeDeclaration)o.Value).Name == "Order"
                && o.Reason == IncrementalStepRunReason.Unchanged
        );
    }

    private static GeneratorHarness Shop() =>
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
            );
}
