using System.Collections;
using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests;

/// <summary>The Roslyn cookbook's incremental contract, checked as NetEscapades.EnumGenerators does.</summary>
public class IncrementalityTests
{
    [Fact]
    public void UnrelatedCSharpEdit_LeavesEveryTrackedStepCachedOrUnchanged()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("customer.schema.json", JsonSchema.JsonSchemaFixtures.Customer)
            .AddSchema("orders.connector.json", Connectors.ConnectorTexts.FileSinkSpec)
            .AddSource(Connectors.ConnectorTexts.AttributeSink)
            .AddSource(Connectors.ConnectorTexts.AttributeSource)
            .AddSource(Connectors.ConnectorTexts.PluginDescriptor)
            .AddSource(FrameworkConfig.TypedFrameworkKeysTests.RuntimeTypedClasses)
            .AddSource("public class A { }");
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("public class B { public int X => 1; }")
        );
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in KConnectorGeneratorStepNames.All)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"step {name} is not tracked");
            foreach (var step in second.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason
                            is IncrementalStepRunReason.Cached
                                or IncrementalStepRunReason.Unchanged,
                        $"step {name} was {reason}"
                    );
                }
            }
        }
    }

    [Fact]
    public void EditingOneSchema_RegeneratesOnlyTheTypesOfThatFile()
    {
        const string other = """
            {"type":"record","name":"Customer","namespace":"Crm","fields":[
              {"name":"id","type":"long"},
              {"name":"tier","type":{"type":"enum","name":"Tier","symbols":["GOLD","SILVER"]}}]}
            """;
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("customer.avsc", other);
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        // A one-line edit of order.avsc: a new doc string on a field.
        var edited = Schemas.Order.Replace(
            "\"type\": \"long\" }",
            "\"type\": \"long\", \"doc\": \"Who ordered.\" }",
            StringComparison.Ordinal
        );
        Assert.NotEqual(Schemas.Order, edited);
        var original = harness.Files.Single(t =>
            t.Path.EndsWith("order.avsc", StringComparison.Ordinal)
        );
        driver = driver.ReplaceAdditionalText(
            original,
            new InMemoryAdditionalText(original.Path, edited)
        );
        var second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = second
            .TrackedSteps[KConnectorGeneratorStepNames.AvroTypes]
            .SelectMany(step => step.Outputs)
            .Select(o =>
                (
                    ((KConnector.Generator.Avro.AvroGeneratedType)o.Value).Definition.FullName,
                    o.Reason
                )
            )
            .ToDictionary(x => x.FullName, x => x.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Shop.Orders.Order"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, reasons["Crm.Customer"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, reasons["Crm.Tier"]);
        // The per-file parse of the untouched file is cached too.
        var parsed = second
            .TrackedSteps[KConnectorGeneratorStepNames.ParsedSchemas]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        Assert.Contains(IncrementalStepRunReason.Cached, parsed);
        Assert.Contains(IncrementalStepRunReason.Modified, parsed);
        Assert.Contains(
            "Who ordered.",
            second
                .GeneratedSources.Single(s => s.HintName == "Shop.Orders.Order.g.cs")
                .SourceText.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void StepOutputs_HoldNoSymbolsSyntaxOrCompilation()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("bad.avsc", "{")
            .AddSchema("customer.schema.json", JsonSchema.JsonSchemaFixtures.Customer)
            .AddSchema("orders.connector.json", Connectors.ConnectorTexts.FileSinkSpec)
            .AddSource(Connectors.ConnectorTexts.AttributeSink)
            .AddSource(Connectors.ConnectorTexts.AttributeSource)
            .AddSource(Connectors.ConnectorTexts.PluginDescriptor)
            .AddSource(FrameworkConfig.TypedFrameworkKeysTests.RuntimeTypedClasses)
            .Run();

        var tracked = run.Result.Results.Single().TrackedSteps;
        // Only the generator's own steps: Roslyn's input steps (AdditionalTexts, options) hold its objects by design.
        foreach (var name in KConnectorGeneratorStepNames.All)
        {
            foreach (var step in tracked[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertHoldsNoCompilerObjects(value, name, depth: 0);
                }
            }
        }
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string step, int depth)
    {
        if (
            value is null
            || depth > 8
            || value is string
            || value.GetType().IsPrimitive
            || value.GetType().IsEnum
        )
        {
            return;
        }
        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SemanticModel,
            $"step {step} holds a {value.GetType().Name}"
        );
        if (value is DiagnosticDescriptor)
        {
            return;
        }
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertHoldsNoCompilerObjects(item, step, depth + 1);
            }
            return;
        }
        foreach (
            var property in value
                .GetType()
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        )
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertHoldsNoCompilerObjects(property.GetValue(value), step, depth + 1);
            }
        }
    }
}
