using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Avro;

/// <summary>The item metadata KConnectorLogicalTypes: typed (default) or underlying (issue 20, item 6).</summary>
public class LogicalTypesMetadataTests
{
    private const string Reading = """
        {"type": "record", "name": "Reading", "namespace": "shop", "fields": [
          {"name": "day", "type": {"type": "int", "logicalType": "date"}},
          {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "price", "type": {"type": "fixed", "name": "Price", "size": 4, "logicalType": "decimal", "precision": 9, "scale": 2}},
          {"name": "bad", "type": {"type": "string", "logicalType": "date"}}]}
        """;

    private static GeneratorRun Run(string? logicalTypes) =>
        new GeneratorHarness()
            .AddSchema(
                "reading.avsc",
                Reading,
                logicalTypes is null
                    ? null
                    : new Dictionary<string, string> { ["KConnectorLogicalTypes"] = logicalTypes }
            )
            .Run();

    [Theory]
    [InlineData(null)]
    [InlineData("typed")]
    public void Typed_GivesDotNetTypes(string? logicalTypes)
    {
        var run = Run(logicalTypes);

        var source = run.Source("shop.Reading.g.cs");
        Assert.Contains("global::System.DateOnly Day", source, StringComparison.Ordinal);
        Assert.Contains("global::System.Guid Id", source, StringComparison.Ordinal);
        Assert.Contains("decimal Price", source, StringComparison.Ordinal);
        Assert.Equal(["KCN0013"], run.Diagnostics.Select(d => d.Id)); // date on a string
    }

    [Fact]
    public void Underlying_GivesTheUnderlyingTypes_AndKeepsTheSchema()
    {
        var run = Run("underlying");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var source = run.Source("shop.Reading.g.cs");
        Assert.Contains("public required int Day", source, StringComparison.Ordinal);
        Assert.Contains("public required string Id", source, StringComparison.Ordinal);
        Assert.Contains("public required byte[] Price", source, StringComparison.Ordinal);
        Assert.Contains("\"logicalType\":\"decimal\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherValue_IsKCN0010()
    {
        var run = Run("raw");

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0010", error.Id);
        Assert.Contains(
            "KConnectorLogicalTypes=\"raw\" is not valid; expected typed or underlying",
            error.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
    }
}
