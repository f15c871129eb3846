using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests;

/// <summary>Every malformed schema gets an error with an id, the file, the line and the JSON path.</summary>
public class SchemaDiagnosticsTests
{
    public static TheoryData<string, string, string, int, string> MalformedSchemas =>
        new()
        {
            // name, schema text, expected id, expected 1-based line, text the message must contain
            {
                "truncated JSON",
                "{\n  \"type\": \"record\",\n  \"name\": \"A\",\n",
                "KCN0001",
                4,
                "not valid JSON"
            },
            {
                "trailing comma",
                "{\n  \"type\": \"record\",\n  \"name\": \"A\",\n  \"fields\": [],\n}",
                "KCN0001",
                5,
                "property name"
            },
            {
                "no name",
                "{\n  \"type\": \"record\",\n  \"fields\": []\n}",
                "KCN0002",
                1,
                "needs the attribute \"name\""
            },
            {
                "no fields",
                "{\n  \"type\": \"record\",\n  \"name\": \"A\"\n}",
                "KCN0002",
                1,
                "\"fields\""
            },
            {
                "field without type",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[\n  {\"name\":\"x\"}\n]}",
                "KCN0002",
                2,
                "$.fields[0]"
            },
            {
                "unknown type",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[\n  {\"name\":\"x\",\"type\":\"int\"},\n  {\"name\":\"y\",\"type\":\"strng\"}\n]}",
                "KCN0003",
                3,
                "$.fields[1].type: \"strng\""
            },
            {
                "invalid record name",
                "{\"type\":\"record\",\"name\":\"9Lives\",\"fields\":[]}",
                "KCN0004",
                1,
                "\"9Lives\""
            },
            {
                "invalid field name",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[\n{\"name\":\"first-name\",\"type\":\"string\"}]}",
                "KCN0004",
                2,
                "$.fields[0].name"
            },
            {
                "duplicate field",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[\n{\"name\":\"x\",\"type\":\"int\"},\n{\"name\":\"x\",\"type\":\"long\"}]}",
                "KCN0005",
                3,
                "declared more than once"
            },
            {
                "top-level array of primitives",
                "{\"type\":\"array\",\"items\":\"int\"}",
                "KCN0007",
                1,
                "not only a schema of type \"array\""
            },
            { "top-level primitive", "\"string\"", "KCN0007", 1, "the type \"string\"" },
            {
                "fields not an array",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":{}}",
                "KCN0009",
                1,
                "\"fields\" must be an array"
            },
            {
                "name not a string",
                "{\"type\":\"record\",\"name\":5,\"fields\":[]}",
                "KCN0009",
                1,
                "\"name\" must be a string"
            },
            {
                "union with two ints",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[\n{\"name\":\"u\",\"type\":[\"null\",\"int\",\"int\"]}]}",
                "KCN0016",
                2,
                "already has a branch of type int"
            },
        };

    [Theory]
    [MemberData(nameof(MalformedSchemas))]
    public void MalformedSchema_ReportsItsDiagnostic(
        string name,
        string schema,
        string id,
        int line,
        string text
    )
    {
        var run = new GeneratorHarness().AddSchema("bad.avsc", schema).Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.True(
            diagnostic.Id == id,
            $"{name}: expected {id}, got {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
        );
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"bad.avsc, line {line}, at $", message, StringComparison.Ordinal);
        Assert.Contains(text, message, StringComparison.Ordinal);
        Assert.Equal("/project/bad.avsc", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void TwoFilesWithTheSameSchema_GenerateItOnce_WarningOfTheCopy()
    {
        var schema = "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"N\",\"fields\":[]}";
        var run = new GeneratorHarness()
            .AddSchema("a.avsc", schema)
            .AddSchema("b.avsc", schema)
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(
            "b.avsc, line 1, at $: this file is an identical copy of a.avsc; the type N.A is generated once",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
        Assert.Equal(["N.A.g.cs"], run.HintNames);
    }

    [Fact]
    public void InvalidAccessMetadata_NamesTheMetadataAndTheChoices()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "a.avsc",
                Schemas.Order,
                new Dictionary<string, string> { ["KConnectorAccess"] = "private" }
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0010", diagnostic.Id);
        Assert.Contains(
            "KConnectorAccess=\"private\"",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void EveryTruncationOfAValidSchema_GivesDiagnosticsNeverAnException()
    {
        // The generator runs inside the compiler: it must never throw, whatever the file holds.
        for (var length = 0; length < Schemas.Order.Length; length += 7)
        {
            var run = new GeneratorHarness().AddSchema("order.avsc", Schemas.Order[..length]).Run();

            Assert.Null(run.Result.Results.Single().Exception);
            Assert.NotEmpty(run.Diagnostics);
            Assert.All(
                run.Diagnostics,
                d => Assert.StartsWith("KCN", d.Id, StringComparison.Ordinal)
            );
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "KCN0099");
        }
    }
}
