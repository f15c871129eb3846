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
    public void EditingOneSchema_ReparsesOnlyIt_AndLeavesTypesOfFilesThatDoNotReferToItUnchanged()
    {
        var harness = new RootNamespaceHarness("Shop.Json")
            .AddSchema("order.schema.json", JsonSchemaFixtures.Order)
            .AddSchema("customer.schema.json", JsonSchemaFixtures.Customer);
        var compilation = new GeneratorHarness().CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var order = harness.Files.Single(t =>
            t.Path.EndsWith("order.schema.json", StringComparison.Ordinal)
        );
        var edited = new InMemoryAdditionalText(
            order.Path,
            JsonSchemaFixtures.Order.Replace(
                "\"sku\": { \"type\": \"string\" }",
                "\"sku\": { \"type\": \"string\", \"description\": \"Stock keeping unit.\" }",
                StringComparison.Ordinal
            )
        );

        var second = driver
            .ReplaceAdditionalText(order, edited)
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
            .Select(o => (Type: (JsonTypeDeclaration)o.Value, o.Reason))
            .ToList();
        // The order file's types carry its text (JsonSchemaText) and change; the customer file's
        // types do not depend on the order file and are not written again.
        Assert.All(
            types.Where(t =>
                t.Type.SourcePath.EndsWith("customer.schema.json", StringComparison.Ordinal)
            ),
            t => Assert.Equal(IncrementalStepRunReason.Unchanged, t.Reason)
        );
        Assert.Contains(
            types,
            t => t.Type.Name == "Line" && t.Reason == IncrementalStepRunReason.Modified
        );
        Assert.Equal(
            4,
            types.Count(t =>
                t.Type.SourcePath.EndsWith("customer.schema.json", StringComparison.Ordinal)
            )
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
