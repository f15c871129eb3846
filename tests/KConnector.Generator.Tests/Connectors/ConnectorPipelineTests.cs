using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>How the connector pipeline reacts to its surroundings: packages, edits to one of several specs.</summary>
public class ConnectorPipelineTests
{
    [Fact]
    public void FileSinkSpec_WithoutTheFilePackage_IsReported()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", ConnectorTexts.FileSinkSpec);
        var full = harness.CreateCompilation();
        var compilation = full.RemoveReferences(
            full.References.Where(r =>
                (r.Display ?? string.Empty).EndsWith(
                    "KConnector.Connectors.File.dll",
                    StringComparison.Ordinal
                )
            )
        );
        Assert.NotEqual(full.References.Count(), compilation.References.Count());

        var result = harness.CreateDriver().RunGenerators(compilation).GetRunResult();

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "KCN0208");
        Assert.Contains(
            "references the package",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void EditingOneSpec_LeavesTheOtherSpecsParseCached()
    {
        var order = new InMemoryAdditionalText("/project/order.avsc", Schemas.Order);
        var a = new InMemoryAdditionalText(
            "/project/a.connector.json",
            ConnectorTexts.FileSinkSpec
        );
        var b = new InMemoryAdditionalText(
            "/project/b.connector.json",
            ConnectorTexts.FileSinkSpec.Replace(
                "orders-file-sink",
                "other-sink",
                StringComparison.Ordinal
            )
        );
        var compilation = new GeneratorHarness().CreateCompilation();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new KConnectorGenerator().AsSourceGenerator()],
            [order, a, b],
            new CSharpParseOptions(LanguageVersion.Latest),
            new ItemMetadataOptionsProvider(
                new Dictionary<string, IReadOnlyDictionary<string, string>>()
            ),
            new GeneratorDriverOptions(
                IncrementalGeneratorOutputKind.None,
                trackIncrementalGeneratorSteps: true
            )
        );
        driver = driver.RunGenerators(compilation);
        var edited = new InMemoryAdditionalText(
            a.Path,
            ConnectorTexts.FileSinkSpec.Replace(
                "\"tasks.max\": \"1\"",
                "\"tasks.max\": \"2\"",
                StringComparison.Ordinal
            )
        );

        var after = driver
            .ReplaceAdditionalText(a, edited)
            .RunGenerators(compilation)
            .GetRunResult()
            .Results.Single();

        var parses = after
            .TrackedSteps[KConnectorGeneratorStepNames.ParsedConnectorSpecs]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        Assert.Equal(2, parses.Count);
        Assert.Contains(IncrementalStepRunReason.Modified, parses);
        Assert.Contains(IncrementalStepRunReason.Cached, parses);
        Assert.Contains(
            "[\"tasks.max\"] = \"2\"",
            after
                .GeneratedSources.Single(s =>
                    s.HintName == "KConnector.Generated.OrdersFileSink.Config.g.cs"
                )
                .SourceText.ToString(),
            StringComparison.Ordinal
        );
    }
}
