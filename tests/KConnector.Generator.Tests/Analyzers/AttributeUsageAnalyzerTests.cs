using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Analyzers;

/// <summary>
/// The attribute-usage analyzer (issue 13 item 6): each broken attribute use gets one error at
/// the line of the class or attribute, and the generator skips the class without a second error.
/// </summary>
public class AttributeUsageAnalyzerTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Plugins;
        using KConnector.Records;

        """;

    private const string PutAsync =
        "    public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;\n";

    public static TheoryData<string, string, string, string> BrokenUses =>
        new()
        {
            {
                "connector class not partial",
                "[SinkConnector(\"s\")]\npublic class /*!*/OrdersSink\n{\n" + PutAsync + "}\n",
                "KCN0230",
                "the class OrdersSink must be declared partial"
            },
            {
                "connector class without a parameterless constructor",
                "[SinkConnector(\"s\")]\npublic partial class /*!*/OrdersSink\n{\n    public OrdersSink(int x) { }\n"
                    + PutAsync
                    + "}\n",
                "KCN0239",
                "parameterless constructor"
            },
            {
                "both connector attributes",
                "[SourceConnector(\"in\")]\n[SinkConnector(\"out\")]\npublic partial class /*!*/Both\n{\n"
                    + PutAsync
                    + "}\n",
                "KCN0281",
                "the class Both carries both [SourceConnector] and [SinkConnector]"
            },
            {
                "descriptor not static partial",
                "[ConnectPlugin(\"Shop.OrdersSink\", PluginKind.Sink)]\npublic class /*!*/OrdersSink { }\n",
                "KCN0246",
                "the descriptor OrdersSink must be declared 'public static partial class'"
            },
            {
                "config property outside a connector",
                "public class Settings\n{\n    [/*!*/ConfigProperty(\"batch.size\", Default = 100)]\n    public int BatchSize { get; set; }\n}\n",
                "KCN0282",
                "[ConfigProperty] on Settings.BatchSize is never read"
            },
        };

    [Theory]
    [MemberData(nameof(BrokenUses))]
    public void BrokenAttributeUse_IsReportedOnceByTheAnalyzer_AtItsLine(
        string name,
        string code,
        string id,
        string fragment
    )
    {
        var source = Usings + code;
        var line =
            source
                .Split('\n')
                .ToList()
                .FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal)) + 1;

        var run = new GeneratorHarness().AddSource(source).Run();

        var diagnostic = Assert.Single(run.AnalyzerDiagnostics());
        Assert.True(diagnostic.Id == id, $"{name}: expected {id}, got {diagnostic}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"line {line}, at ", message, StringComparison.Ordinal);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
        // The generator skipped the class: no error of its own, none from half-generated code.
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.CompileProblems(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void WellFormedConnectorAndDescriptor_HaveNoAnalyzerDiagnostics()
    {
        var run = new GeneratorHarness()
            .AddSource(
                Usings
                    + "[SinkConnector(\"s\")]\npublic partial class OrdersSink\n{\n"
                    + PutAsync
                    + "}\n"
            )
            .AddSource(Connectors.ConnectorTexts.PluginDescriptor)
            .Run();

        Assert.Empty(run.AnalyzerDiagnostics());
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.HintNames, h => h.Contains("OrdersSink", StringComparison.Ordinal));
    }
}
