using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Diagnostics;

/// <summary>
/// The examples of docs/diagnostics.md trigger what they say: each entry's marked files go through
/// the generator as a project's files and the entry's id must be among the diagnostics.
/// </summary>
public sealed class DiagnosticExamplesTests
{
    // What a connector class example sees: the attributes, the records and Shop.Orders.Order.
    private const string CSharpPrelude = """
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Orders;

        namespace Example;

        """;

    private static readonly DiagnosticsPage Page = DiagnosticsPage.Read();

    public static TheoryData<string> EntriesWithExamples =>
        [.. Page.Entries.Where(e => e.Files.Count > 0).Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(EntriesWithExamples))]
    public void Example_ReportsItsId(string id)
    {
        var entry = Page.Entries.Single(e => e.Id == id);
        var harness = new GeneratorHarness();
        if (!entry.Files.Any(f => f.Name == "order.avsc"))
        {
            harness.AddSchema("order.avsc", Schemas.Order);
        }
        foreach (var file in entry.Files)
        {
            if (file.Name.EndsWith(".cs", StringComparison.Ordinal))
            {
                harness.AddSource(CSharpPrelude + file.Text);
            }
            else
            {
                harness.AddSchema(file.Name, file.Text);
            }
        }

        var run = harness.Run();
        // An example in C# may be an attribute-usage check, which the analyzer reports.
        var diagnostics = entry.Files.Any(f => f.Name.EndsWith(".cs", StringComparison.Ordinal))
            ? run.BuildDiagnostics()
            : run.Diagnostics;
        var reported = diagnostics.Select(d => d.Id).Distinct().Order();

        Assert.Contains(id, reported);
    }

    [Fact]
    public void AlmostEveryEntry_HasACheckedExample()
    {
        // The ones without: ids no input is meant to trigger (KCN0006, KCN0099, KCN0199), and
        // examples that need a project setting these tests do not vary: item metadata (KCN0008,
        // KCN0010), a descriptor in a referenced assembly (KCN0247: ThirdPartyPluginTests covers it;
        // KCN0283: ThirdPartyConverterTests).
        var withoutCheck = Page.Entries.Where(e => e.Files.Count == 0).Select(e => e.Id);

        Assert.Equal(
            ["KCN0006", "KCN0008", "KCN0010", "KCN0099", "KCN0199", "KCN0247", "KCN0283"],
            withoutCheck
        );
    }
}
