using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests;

/// <summary>
/// The malformed-schema corpus, continued from <see cref="SchemaDiagnosticsTests"/>: each schema
/// with the one diagnostic it must produce, its 1-based line and a fragment of its message.
/// Fields stand on line 2 of each schema, so the line says the error points at the field.
/// </summary>
public class AvroDiagnosticsCorpusTests
{
    /// <summary>A record "A" whose fields start on line 2.</summary>
    private static string Record(string fields) =>
        "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"n\",\"fields\":[\n" + fields + "\n]}";

    private static string Field(string type, string? defaultJson = null) =>
        Record(
            "{\"name\":\"f\",\"type\":"
                + type
                + (defaultJson is null ? "" : ",\"default\":" + defaultJson)
                + "}"
        );

    public static TheoryData<string, string, string, int, string> Corpus =>
        new()
        {
            {
                "unknown named type",
                Field("\"Missing\""),
                "KCN0003",
                2,
                "\"n.Missing\" is neither"
            },
            {
                "complex type written as a name",
                Field("\"array\""),
                "KCN0009",
                2,
                "to declare an array, not the bare name"
            },
            {
                "record written as a name",
                Field("\"record\""),
                "KCN0009",
                2,
                "{\"type\": \"record\", ...}"
            },
            {
                "named type defined twice in a file",
                Record(
                    "{\"name\":\"x\",\"type\":{\"type\":\"fixed\",\"name\":\"B\",\"size\":1}},\n{\"name\":\"y\",\"type\":{\"type\":\"fixed\",\"name\":\"B\",\"size\":2}}"
                ),
                "KCN0011",
                3,
                "n.B is already defined"
            },
            {
                "int default is a string",
                Field("\"int\"", "\"x\""),
                "KCN0012",
                2,
                "expected an integer"
            },
            { "int default out of range", Field("\"int\"", "3000000000"), "KCN0012", 2, "2^31" },
            { "int default with a fraction", Field("\"int\"", "1.5"), "KCN0012", 2, "found 1.5" },
            {
                "long default out of range",
                Field("\"long\"", "99999999999999999999"),
                "KCN0012",
                2,
                "2^63"
            },
            {
                "boolean default is a string",
                Field("\"boolean\"", "\"true\""),
                "KCN0012",
                2,
                "true or false"
            },
            {
                "string default is a number",
                Field("\"string\"", "5"),
                "KCN0012",
                2,
                "expected a string"
            },
            {
                "double default is a string",
                Field("\"double\"", "\"NaN\""),
                "KCN0012",
                2,
                "expected a number"
            },
            {
                "bytes default beyond 0-255",
                Field("\"bytes\"", "\"\\u0100\""),
                "KCN0012",
                2,
                "code points 0-255"
            },
            {
                "fixed default of the wrong length",
                Field("{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}", "\"abc\""),
                "KCN0012",
                2,
                "expected 2 bytes"
            },
            {
                "enum default not a symbol",
                Field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"X\"]}", "\"Y\""),
                "KCN0012",
                2,
                "one of the symbols of n.E"
            },
            {
                "array default with a wrong item",
                Field("{\"type\":\"array\",\"items\":\"int\"}", "[1,\"two\"]"),
                "KCN0012",
                2,
                "at $[1] expected an integer"
            },
            {
                "map default not an object",
                Field("{\"type\":\"map\",\"values\":\"int\"}", "[]"),
                "KCN0012",
                2,
                "expected an object"
            },
            {
                "record default missing a field",
                Field(
                    "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                    "{}"
                ),
                "KCN0012",
                2,
                "\"a\" of n.R has no value"
            },
            {
                "union default matching no branch",
                Field("[\"null\",\"int\"]", "\"x\""),
                "KCN0012",
                2,
                "one of the union's branches"
            },
            {
                "uuid default not a uuid",
                Field("{\"type\":\"string\",\"logicalType\":\"uuid\"}", "\"nope\""),
                "KCN0012",
                2,
                "a UUID string"
            },
            {
                "null default for a string",
                Field("\"string\"", "null"),
                "KCN0012",
                2,
                "found null"
            },
            {
                "duplicate enum symbol",
                Field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"X\",\"X\"]}"),
                "KCN0014",
                2,
                "\"X\" appears more than once"
            },
            {
                "enum default not one of the symbols",
                Field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"X\"],\"default\":\"Z\"}"),
                "KCN0014",
                2,
                "must be one of the symbols"
            },
            {
                "invalid enum symbol",
                Field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"9x\"]}"),
                "KCN0004",
                2,
                "\"9x\""
            },
            {
                "enum without symbols",
                Field("{\"type\":\"enum\",\"name\":\"E\"}"),
                "KCN0002",
                2,
                "\"symbols\""
            },
            {
                "enum symbols not an array",
                Field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":\"X\"}"),
                "KCN0009",
                2,
                "\"symbols\" must be"
            },
            {
                "enum symbol not a string",
                Field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[1]}"),
                "KCN0009",
                2,
                "\"symbols\" must be"
            },
            {
                "fixed without size",
                Field("{\"type\":\"fixed\",\"name\":\"F\"}"),
                "KCN0002",
                2,
                "an Avro fixed needs the attribute \"size\""
            },
            {
                "fixed of size 0",
                Field("{\"type\":\"fixed\",\"name\":\"F\",\"size\":0}"),
                "KCN0015",
                2,
                "not 0"
            },
            {
                "fixed size as a string",
                Field("{\"type\":\"fixed\",\"name\":\"F\",\"size\":\"16\"}"),
                "KCN0015",
                2,
                "positive integer"
            },
            {
                "fixed of negative size",
                Field("{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}"),
                "KCN0015",
                2,
                "not -1"
            },
            { "empty union", Field("[]"), "KCN0016", 2, "at least one branch" },
            {
                "union inside a union",
                Field("[\"null\",[\"int\"]]"),
                "KCN0016",
                2,
                "may not immediately contain"
            },
            {
                "union with the same named type twice",
                Field("[{\"type\":\"fixed\",\"name\":\"F\",\"size\":1},\"F\"]"),
                "KCN0016",
                2,
                "already has a branch of type n.F"
            },
            {
                "array without items",
                Field("{\"type\":\"array\"}"),
                "KCN0002",
                2,
                "an Avro array needs the attribute \"items\""
            },
            { "map without values", Field("{\"type\":\"map\"}"), "KCN0002", 2, "\"values\"" },
            {
                "schema object without type",
                Field("{\"items\":\"int\"}"),
                "KCN0002",
                2,
                "an Avro schema needs the attribute \"type\""
            },
            {
                "type is a number",
                Field("5"),
                "KCN0009",
                2,
                "a type name, a schema object or a union array"
            },
            {
                "order not a known value",
                Record("{\"name\":\"f\",\"type\":\"int\",\"order\":\"up\"}"),
                "KCN0009",
                2,
                "\"ascending\""
            },
            {
                "field aliases not an array",
                Record("{\"name\":\"f\",\"type\":\"int\",\"aliases\":\"g\"}"),
                "KCN0009",
                2,
                "\"aliases\" must be"
            },
            {
                "invalid field alias",
                Record("{\"name\":\"f\",\"type\":\"int\",\"aliases\":[\"g-h\"]}"),
                "KCN0004",
                2,
                "\"g-h\""
            },
            {
                "invalid namespace",
                "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"a..b\",\"fields\":[]}",
                "KCN0004",
                1,
                "\"a..b\""
            },
            {
                "record named like a primitive",
                "{\"type\":\"record\",\"name\":\"int\",\"fields\":[]}",
                "KCN0004",
                1,
                "\"int\""
            },
            {
                "doc not a string",
                Record("{\"name\":\"f\",\"type\":\"int\",\"doc\":5}"),
                "KCN0009",
                2,
                "\"doc\" must be a string"
            },
            { "field not an object", Record("5"), "KCN0009", 2, "a field object" },
            {
                "unterminated string",
                "{\"type\":\"record\",\n\"name\":\"A",
                "KCN0001",
                2,
                "not valid JSON"
            },
            {
                "error type without fields",
                "{\"type\":\"error\",\"name\":\"Oops\"}",
                "KCN0002",
                1,
                "\"fields\""
            },
            {
                "top-level union without named types",
                "[\"null\",\"int\"]",
                "KCN0007",
                1,
                "a union without named types"
            },
        };

    [Theory]
    [MemberData(nameof(Corpus))]
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
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(diagnostic.Id == id, $"{name}: expected {id}, got {diagnostic.Id}: {message}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith($"bad.avsc, line {line}, at $", message, StringComparison.Ordinal);
        Assert.Contains(text, message, StringComparison.Ordinal);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        // The record at fault is not generated (types it defines may be, when they are sound).
        Assert.DoesNotContain("n.A.g.cs", run.HintNames);
        Assert.DoesNotContain("A.g.cs", run.HintNames);
    }

    public static TheoryData<string, string, string> InvalidLogicalTypes =>
        new()
        {
            // name, type, the C# type the field falls back to
            {
                "decimal without precision",
                "{\"type\":\"bytes\",\"logicalType\":\"decimal\"}",
                "byte[]"
            },
            {
                "decimal of precision 0",
                "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":0}",
                "byte[]"
            },
            {
                "decimal scale above precision",
                "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":2,\"scale\":3}",
                "byte[]"
            },
            {
                "decimal on a string",
                "{\"type\":\"string\",\"logicalType\":\"decimal\",\"precision\":2}",
                "string"
            },
            {
                "decimal too wide for its fixed",
                "{\"type\":\"fixed\",\"name\":\"F\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":5}",
                "byte[]"
            },
            { "date on a long", "{\"type\":\"long\",\"logicalType\":\"date\"}", "long" },
            {
                "time-micros on an int",
                "{\"type\":\"int\",\"logicalType\":\"time-micros\"}",
                "int"
            },
            {
                "timestamp-millis on an int",
                "{\"type\":\"int\",\"logicalType\":\"timestamp-millis\"}",
                "int"
            },
            {
                "duration on fixed(8)",
                "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8,\"logicalType\":\"duration\"}",
                "byte[]"
            },
            { "uuid on bytes", "{\"type\":\"bytes\",\"logicalType\":\"uuid\"}", "byte[]" },
        };

    [Theory]
    [MemberData(nameof(InvalidLogicalTypes))]
    public void InvalidLogicalType_WarnsAndFallsBackToTheUnderlyingType(
        string name,
        string type,
        string csharpType
    )
    {
        var run = new GeneratorHarness().AddSchema("odd.avsc", Field(type)).Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.True(diagnostic.Id == "KCN0013", $"{name}: got {diagnostic.Id}");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(
            $"public required {csharpType} F {{ get; init; }}",
            run.Source("n.A.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void UnknownLogicalType_IsIgnoredSilently()
    {
        var run = new GeneratorHarness()
            .AddSchema("a.avsc", Field("{\"type\":\"long\",\"logicalType\":\"timestamp-nanos\"}"))
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public required long F", run.Source("n.A.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceToATypeNoFileDefines_IsReportedInTheReferencingFile()
    {
        var run = new GeneratorHarness()
            .AddSchema("a.avsc", "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}")
            .AddSchema(
                "b.avsc",
                "{\"type\":\"record\",\"name\":\"B\",\"fields\":[\n{\"name\":\"a\",\"type\":\"other.A\"}]}"
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0003", diagnostic.Id);
        Assert.Equal("/project/b.avsc", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(["A.g.cs"], run.HintNames);
    }

    [Fact]
    public void SameNameDefinedDifferentlyInTwoFiles_IsReported()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "a.avsc",
                "{\"type\":\"enum\",\"name\":\"E\",\"namespace\":\"n\",\"symbols\":[\"X\"]}"
            )
            .AddSchema(
                "b.avsc",
                "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"n\",\"fields\":[\n{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"Y\"]}}]}"
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0011", diagnostic.Id);
        Assert.Contains(
            "n.E is already defined differently in a.avsc",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SameNestedTypeDefinedIdenticallyInTwoFiles_IsOneType()
    {
        const string address =
            "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
        var run = new GeneratorHarness()
            .AddSchema(
                "a.avsc",
                "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"n\",\"fields\":[{\"name\":\"home\",\"type\":"
                    + address
                    + "}]}"
            )
            .AddSchema(
                "b.avsc",
                "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"n\",\"fields\":[{\"name\":\"work\",\"type\":"
                    + address
                    + "}]}"
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["n.A.g.cs", "n.Address.g.cs", "n.B.g.cs"], run.HintNames.Order());
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void NamespaceOverride_MakingTwoTypesClash_IsReported()
    {
        var metadata = new Dictionary<string, string> { ["KConnectorNamespace"] = "Same" };
        var run = new GeneratorHarness()
            .AddSchema(
                "a.avsc",
                "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"x\",\"fields\":[]}",
                metadata
            )
            .AddSchema(
                "b.avsc",
                "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"y\",\"fields\":[]}",
                metadata
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0008", diagnostic.Id);
        Assert.Contains(
            "Same.A is also generated from a.avsc",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
    }
}
