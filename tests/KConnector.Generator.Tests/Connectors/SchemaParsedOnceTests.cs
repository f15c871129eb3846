using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// Each schema file is parsed once (issue 13 item 6): the connector pipeline's schema index reads
/// the Avro and JSON Schema pipelines' parse steps instead of parsing the files again, so an edit of
/// one schema re-runs only that file's steps.
/// </summary>
public class SchemaParsedOnceTests
{
    private const string Customer = """
        {"type":"record","name":"Customer","namespace":"Crm","fields":[
          {"name":"id","type":"long"}]}
        """;

    [Theory]
    [InlineData(KConnectorGeneratorStepNames.ConnectorAvroSchemas, "ParsedSchemas")]
    [InlineData(KConnectorGeneratorStepNames.ConnectorJsonSchemas, "JsonSchemaParsed")]
    public void ConnectorSchemaEntries_AreMadeFromTheSchemaPipelinesParseStep(
        string entryStep,
        string parseStep
    )
    {
        var run = Shop().Run();

        var steps = run.Result.Results.Single().TrackedSteps[entryStep];
        Assert.Equal(2, steps.Length);
        Assert.All(steps, step => Assert.Equal(parseStep, Assert.Single(step.Inputs).Source.Name));
    }

    [Fact]
    public void EditingOneAvroSchema_RerunsOnlyItsParseAndItsConnectorEntry()
    {
        var harness = Shop();
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var order = harness.Files.Single(t =>
            t.Path.EndsWith("/order.avsc", StringComparison.Ordinal)
        );
        var edited = Schemas.Order.Replace(
            "\"type\": \"long\" }",
            "\"type\": \"long\", \"doc\": \"Who ordered.\" }",
            StringComparison.Ordinal
        );
        Assert.NotEqual(Schemas.Order, edited);

        var second = driver
            .ReplaceAdditionalText(order, new InMemoryAdditionalText(order.Path, edited))
            .RunGenerators(compilation)
            .GetRunResult()
            .Results.Single();

        AssertOneRerunOthersCached(second, KConnectorGeneratorStepNames.ParsedSchemas);
        AssertOneRerunOthersCached(second, KConnectorGeneratorStepNames.ConnectorAvroSchemas);
        AssertAllCached(second, KConnectorGeneratorStepNames.JsonSchemaParsed);
        AssertAllCached(second, KConnectorGeneratorStepNames.ConnectorJsonSchemas);
    }

    [Fact]
    public void EditingOneJsonSchema_RerunsOnlyItsParseAndItsConnectorEntry()
    {
        var harness = Shop();
        var compilation = harness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var customer = harness.Files.Single(t =>
            t.Path.EndsWith("/customer.schema.json", StringComparison.Ordinal)
        );
        var edited = JsonSchema.JsonSchemaFixtures.Customer.Replace(
            "\"type\": \"object\",",
            "\"type\": \"object\", \"description\": \"A customer.\",",
            StringComparison.Ordinal
        );
        Assert.NotEqual(JsonSchema.JsonSchemaFixtures.Customer, edited);

        var second = driver
            .ReplaceAdditionalText(customer, new InMemoryAdditionalText(customer.Path, edited))
            .RunGenerators(compilation)
            .GetRunResult()
            .Results.Single();

        AssertOneRerunOthersCached(second, KConnectorGeneratorStepNames.JsonSchemaParsed);
        AssertOneRerunOthersCached(second, KConnectorGeneratorStepNames.ConnectorJsonSchemas);
        AssertAllCached(second, KConnectorGeneratorStepNames.ParsedSchemas);
        AssertAllCached(second, KConnectorGeneratorStepNames.ConnectorAvroSchemas);
    }

    [Fact]
    public void SpecNamingASchemaLeftOutOfGeneration_IsToldItYieldsNoType_NotThatItIsMissing()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.avsc",
                Schemas.Order,
                new Dictionary<string, string> { ["KConnectorGenerate"] = "false" }
            )
            .AddSchema("orders.connector.json", ConnectorTexts.FileSinkSpec)
            .Run();

        var problem = Assert.Single(run.Diagnostics, d => d.Id == "KCN0213");
        Assert.Contains(
            "yields no generated record type",
            problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            run.HintNames,
            h => h.StartsWith("Shop.Orders.Order", StringComparison.Ordinal)
        );
    }

    /// <summary>Two .avsc and two .schema.json files and a spec whose value.schema is order.avsc.</summary>
    private static GeneratorHarness Shop() =>
        new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("customer.avsc", Customer)
            .AddSchema("customer.schema.json", JsonSchema.JsonSchemaFixtures.Customer)
            .AddSchema("order.schema.json", JsonSchema.JsonSchemaFixtures.Order)
            .AddSchema("orders.connector.json", ConnectorTexts.FileSinkSpec);

    private static void AssertOneRerunOthersCached(GeneratorRunResult run, string step)
    {
        var reasons = run.TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        Assert.Equal(2, reasons.Count);
        // Re-run: Modified, or Unchanged when its output does not hold what was edited (a doc string).
        Assert.Single(
            reasons,
            r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged
        );
        Assert.Single(reasons, r => r == IncrementalStepRunReason.Cached);
    }

    private static void AssertAllCached(GeneratorRunResult run, string step)
    {
        var reasons = run.TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }
}
