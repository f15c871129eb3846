using KConnector.Generator.Tests.Connectors;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Avro;

/// <summary>
/// Any valid Avro name must compile (issue 20, item 4): the corpus of hostile names
/// (tests/KConnector.Tests/Avro/Schemas/Hostile, which the runtime tests also round-trip) gives
/// no diagnostic and generated code without a compiler error or warning, through every emitter.
/// </summary>
public class HostileNamesTests
{
    private static IReadOnlyList<string> Files =>
        [
            .. RepositoryFiles
                .Find("*.avsc")
                .Where(p => p.Contains("/Hostile/", StringComparison.Ordinal)),
        ];

    public static TheoryData<string> Corpus() => [.. Files];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void HostileSchema_Compiles(string path)
    {
        var run = new GeneratorHarness()
            .AddSchema(Path.GetFileName(path), File.ReadAllText(path))
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void KeywordNames_AreEscapedInTheGeneratedCode()
    {
        var run = new GeneratorHarness()
            .AddSchema("keywords.avsc", File.ReadAllText(KeywordsPath))
            .Run();

        var source = run.Source("event.int.class.g.cs");
        Assert.Contains("namespace @event.@int", source, StringComparison.Ordinal);
        Assert.Contains("sealed partial record @class", source, StringComparison.Ordinal);
        // The union case for the branch record named Value is Value2 (a case holds a Value).
        Assert.Contains("public sealed record Value2(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorSpec_OverAKeywordNamedRecord_Compiles()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.avsc",
                """
                {"type": "record", "name": "class", "namespace": "event.int", "fields": [
                  {"name": "order_id", "type": "string"}, {"name": "int", "type": "int"},
                  {"name": "value", "type": ["null", "string"]}]}
                """
            )
            .AddSchema("orders.connector.json", ConnectorTexts.SqliteSinkSpec)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("event.int.classRecordAccessor.g.cs", run.HintNames);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void JsonSchema_InAKeywordNamespace_Compiles()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.schema.json",
                """{"title": "Order", "type": "object", "properties": {"id": {"type": "integer"}}}""",
                new Dictionary<string, string> { ["KConnectorNamespace"] = "event.class" }
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    private static string KeywordsPath =>
        Files.Single(p => p.EndsWith("keywords.avsc", StringComparison.Ordinal));
}
