using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A source spec's field-level value transformations compiled at build time (docs/transforms.md,
/// "Compiled at build time"): the generated chain and output record for a chain that compiles, and
/// KCN0258 / KCN0250, at the key that says why, for one that cannot.
/// </summary>
public class CompiledChainTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" },
          { "name": "note", "type": ["null", "string"], "default": null } ] }
        """;

    /// <summary>A file source spec of payment.avsc values with <paramref name="extra"/> from line 8 on.</summary>
    private static string Spec(string connector, params string[] extra) =>
        "{\n"
        + "  \"name\": \"payments\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \""
        + connector
        + "\",\n"
        + (connector == "FileStreamSink" ? "    \"topics\"" : "    \"topic\"")
        + ": \"payments\",\n"
        + "    \"file\": \"in.jsonl\",\n"
        + "    \"value.schema\": \"payment.avsc\""
        + string.Concat(extra.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    private static string Chain(string aliases, params string[] keys) =>
        Spec(
            "FileStreamSource",
            new[] { "\"transforms\": \"" + aliases + "\"" }.Concat(keys).ToArray()
        );

    private static string SinkChain(string aliases, params string[] keys) =>
        Spec(
            "FileStreamSink",
            new[] { "\"transforms\": \"" + aliases + "\"" }.Concat(keys).ToArray()
        );

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema("payments.connector.json", spec)
            .Run();

    [Fact]
    public void CastOfARealToANarrowInteger_GoesThroughJavasIntValue()
    {
        var run = Run(
            Chain(
                "cast",
                "\"transforms.cast.type\": \"Cast$Value\"",
                "\"transforms.cast.spec\": \"amount:int16\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(
            "CompiledCast.Int16(global::KConnector.Transforms.Compiled.CompiledCast.WholeInt(value.Amount))",
            run.Source(
                run.HintNames.Single(h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal))
            ),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void IssueChain_CompilesToStraightLineCode_AndTheTransformedRecord()
    {
        var run = Run(
            Chain(
                "insert,rename,cast,mask,route",
                "\"transforms.insert.type\": \"InsertField$Value\"",
                "\"transforms.insert.static.field\": \"source\"",
                "\"transforms.insert.static.value\": \"shop\"",
                "\"transforms.rename.type\": \"ReplaceField$Value\"",
                "\"transforms.rename.renames\": \"card:pan\"",
                "\"transforms.rename.exclude\": \"cvv\"",
                "\"transforms.cast.type\": \"Cast$Value\"",
                "\"transforms.cast.spec\": \"amount:string,id:int64\"",
                "\"transforms.mask.type\": \"MaskField$Value\"",
                "\"transforms.mask.fields\": \"note\"",
                "\"transforms.route.type\": \"TimestampRouter\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = run.Source(
            run.HintNames.Single(h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal))
        );
        const string Cast = "global::KConnector.Transforms.Compiled.CompiledCast";
        Assert.Contains(
            "PaymentsOutput.Payment Apply(string topic, global::Shop.Pay.Payment value)",
            chain,
            StringComparison.Ordinal
        );
        foreach (
            var line in new[]
            {
                $"Id = {Cast}.Whole(value.Id, \"int64\", typeof(global::KConnector.Transforms.CastValue)),",
                $"Amount = {Cast}.Text(value.Amount),",
                "Pan = value.Card,",
                "Note = (value.Note is null ? null : (string?)\"\"),",
                "Source = \"shop\",",
            }
        )
        {
            Assert.Contains(line, chain, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Cvv", chain, StringComparison.Ordinal);
        var output = run.Source(
                run.HintNames.Single(h => h.EndsWith(".ValueOutput.g.cs", StringComparison.Ordinal))
            )
            .Replace("\\", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (
            var field in new[]
            {
                "\"name\":\"Payment\",\"namespace\":\"Shop.Pay\"",
                "{\"name\":\"id\",\"type\":\"long\"}",
                "{\"name\":\"amount\",\"type\":\"string\"}",
                "{\"name\":\"pan\",\"type\":\"string\"}",
                "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}",
                "{\"name\":\"source\",\"type\":[\"null\",\"string\"],\"default\":null}]",
            }
        )
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("cvv", output, StringComparison.Ordinal);
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "new(\"transforms.cast.spec\", \"amount:string,id:int64\")",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "}, \"insert\", \"rename\", \"cast\", \"mask\");",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SourceChainConverter<global::Shop.Pay.Payment, global::",
            worker,
            StringComparison.Ordinal
        );
    }

    public static TheoryData<string, string, string, int, string> Refused =>
        new()
        {
            // name, spec, id, 1-based line, text the message must contain
            {
                "a router after InsertField's topic.field",
                Chain(
                    "origin,route",
                    "\"transforms.origin.type\": \"InsertField$Value\"",
                    "\"transforms.origin.topic.field\": \"topic\"",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"(.*)\"",
                    "\"transforms.route.replacement\": \"$1-copy\""
                ),
                "KCN0258",
                11,
                "it routes the record after \"origin\" inserts the topic"
            },
            {
                "a schema-changing stage under a predicate on headers",
                Chain(
                    "mask",
                    "\"transforms.mask.type\": \"ReplaceField$Value\"",
                    "\"transforms.mask.exclude\": \"card\"",
                    "\"transforms.mask.predicate\": \"p\"",
                    "\"predicates\": \"p\"",
                    "\"predicates.p.type\": \"HasHeaderKey\"",
                    "\"predicates.p.name\": \"pii\""
                ),
                "KCN0258",
                9,
                "\"mask\" has a predicate (HasHeaderKey), which reads the record's headers"
            },
            {
                "a router after a stage under TopicNameMatches",
                Chain(
                    "mask,route",
                    "\"transforms.mask.type\": \"MaskField$Value\"",
                    "\"transforms.mask.fields\": \"card\"",
                    "\"transforms.mask.predicate\": \"p\"",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"(.*)\"",
                    "\"transforms.route.replacement\": \"$1-copy\"",
                    "\"predicates\": \"p\"",
                    "\"predicates.p.type\": \"TopicNameMatches\"",
                    "\"predicates.p.pattern\": \"pay.*\""
                ),
                "KCN0258",
                12,
                "it routes the record after \"mask\"'s predicate matches the topic"
            },
            {
                "a router before a stage under TopicNameMatches on a sink",
                SinkChain(
                    "route,mask",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"(.*)\"",
                    "\"transforms.route.replacement\": \"$1-copy\"",
                    "\"transforms.mask.type\": \"MaskField$Value\"",
                    "\"transforms.mask.fields\": \"card\"",
                    "\"transforms.mask.predicate\": \"p\"",
                    "\"predicates\": \"p\"",
                    "\"predicates.p.type\": \"TopicNameMatches\"",
                    "\"predicates.p.pattern\": \"pay.*\""
                ),
                "KCN0258",
                12,
                "its predicate matches the topic after \"route\" routes the record"
            },
            {
                "a Filter before a compiled stage on a sink",
                SinkChain(
                    "f,m",
                    "\"transforms.f.type\": \"Filter\"",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"card\""
                ),
                "KCN0258",
                9,
                "it drops records before the compiled \"m\", and on a sink compiled transformations run first"
            },
            {
                "a router before InsertField's topic.field on a sink",
                SinkChain(
                    "route,origin",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"(.*)\"",
                    "\"transforms.route.replacement\": \"$1-copy\"",
                    "\"transforms.origin.type\": \"InsertField$Value\"",
                    "\"transforms.origin.topic.field\": \"topic\""
                ),
                "KCN0258",
                12,
                "it inserts the topic after \"route\" routes the record"
            },
            {
                "TimestampConverter of the whole (string) key",
                Chain(
                    "k",
                    "\"transforms.k.type\": \"TimestampConverter$Key\"",
                    "\"transforms.k.target.type\": \"unix\"",
                    "\"transforms.k.format\": \"yyyy-MM-dd\""
                ),
                "KCN0258",
                9,
                "only a whole-value Cast, HoistField and SetSchemaMetadata are compiled"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ChainThatCannotCompile_IsReportedAtTheKeyThatSaysWhy(
        string name,
        string spec,
        string id,
        int line,
        string fragment
    )
    {
        var run = Run(spec);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id is "KCN0250" or "KCN0258");
        Assert.True(
            diagnostic.Id == id
                && diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1 == line
                && diagnostic.GetMessage().Contains(fragment, StringComparison.Ordinal),
            name
                + ": got "
                + diagnostic.Id
                + " at line "
                + (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1)
                + ": "
                + diagnostic.GetMessage()
        );
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void ValueWithAFieldTheChainDoesNotCarry_IsKcn0258()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "payment.avsc",
                TransformSchemas.Payment.Replace(
                    "{ \"name\": \"id\", \"type\": \"string\" },",
                    "{ \"name\": \"id\", \"type\": \"string\" }, { \"name\": \"flags\", \"type\": { \"type\": \"array\", \"items\": [\"string\", \"long\"] } },",
                    StringComparison.Ordinal
                )
            )
            .AddSchema(
                "payments.connector.json",
                Chain(
                    "r",
                    "\"transforms.r.type\": \"ReplaceField$Value\"",
                    "\"transforms.r.exclude\": \"cvv\""
                )
            )
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0258");
        Assert.Contains(
            "the value's field \"flags\" is of type array",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }
}
