using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A source spec's key compiled at build time (docs/transforms.md, "Compiled at build time"):
/// ValueToKey makes the key from the value's fields, the <c>$Key</c> stages rewrite it and
/// ExtractField$Key may end it with one field; the key converter is the runtime's
/// SourceKeyChainConverter behind <c>{Connector}KeyChain.Apply</c>. What cannot compile is KCN0258
/// at the key that says why; a field the key does not have is KCN0251 with did-you-mean.
/// </summary>
public class KeyCompiledChainTests
{
    private static string Chain(string connector, string aliases, params string[] keys) =>
        KeyChainSpecs.Spec(connector, aliases, keys);

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", KeyChainSpecs.Payment)
            .AddSchema("payments.connector.json", spec)
            .Run();

    private static string Hint(GeneratorRun run, string suffix) =>
        run.Source(run.HintNames.Single(h => h.EndsWith(suffix, StringComparison.Ordinal)));

    [Fact]
    public void ValueToKeyThenExtractField_KeyIsTheFieldComputedFromTheValue_ValueConverterUntouched()
    {
        var run = Run(
            Chain(
                "FileStreamSource",
                "tokey,rename,extract",
                "\"transforms.tokey.type\": \"org.apache.kafka.connect.transforms.ValueToKey\"",
                "\"transforms.tokey.fields\": \"id,cvv\"",
                "\"transforms.rename.type\": \"ReplaceField$Key\"",
                "\"transforms.rename.renames\": \"id:payment_id\"",
                "\"transforms.extract.type\": \"org.apache.kafka.connect.transforms.ExtractField$Key\"",
                "\"transforms.extract.field\": \"payment_id\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = Hint(run, ".KeyChain.g.cs");
        Assert.Contains(
            "public static string Apply(string topic, global::Shop.Pay.Payment value)",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains("return value.Id;", chain, StringComparison.Ordinal);
        // Only key stages: no key record, no value chain, the value converter is key.converter's as before.
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".KeyOutput.g.cs", StringComparison.Ordinal)
        );
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SourceKeyChainConverter<string, global::Shop.Pay.Payment, string>(",
            worker,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("SourceChainConverter<", worker, StringComparison.Ordinal);
        // The compiled aliases leave the run-time chain.
        Assert.Contains("\"tokey\", \"rename\", \"extract\"", worker, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueToKeyAfterValueStages_KeyRecordReadsTheTransformedFields_NamedAsConnectsAvroData()
    {
        var run = Run(
            Chain(
                "FileStreamSource",
                "rename,tokey,mask,cast,drop",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.rename.type\": \"ReplaceField$Value\"",
                "\"transforms.rename.renames\": \"card:pan\"",
                "\"transforms.tokey.type\": \"ValueToKey\"",
                "\"transforms.tokey.fields\": \"pan,cvv,note\"",
                "\"transforms.mask.type\": \"MaskField$Key\"",
                "\"transforms.mask.fields\": \"pan\"",
                "\"transforms.cast.type\": \"Cast$Key\"",
                "\"transforms.cast.spec\": \"cvv:string\"",
                "\"transforms.drop.type\": \"ReplaceField$Value\"",
                "\"transforms.drop.exclude\": \"cvv\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = Hint(run, ".KeyChain.g.cs");
        foreach (
            var line in new[]
            {
                "PaymentsKeyOutput.ConnectDefault Apply(string topic, global::Shop.Pay.Payment value)",
                "Pan = \"\",",
                "Cvv = global::KConnector.Transforms.Compiled.CompiledCast.Text(value.Cvv),",
                "Note = value.Note,",
            }
        )
        {
            Assert.Contains(line, chain, StringComparison.Ordinal);
        }
        var key = Hint(run, ".KeyOutput.g.cs")
            .Replace("\\", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains(
            "\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[{\"name\":\"pan\",\"type\":\"string\"},{\"name\":\"cvv\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]",
            key,
            StringComparison.Ordinal
        );
        // The value keeps its own chain (the key was copied before "drop").
        Assert.Contains(
            "SourceChainConverter<global::Shop.Pay.Payment,",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Matches(
            @"SourceKeyChainConverter<string, global::Shop\.Pay\.Payment, global::([A-Za-z.]+\.)?PaymentsKeyOutput\.ConnectDefault>\(",
            Hint(run, ".Worker.g.cs")
        );
    }

    public static TheoryData<string, string, string, int, string> Refused =>
        new()
        {
            {
                "a struct $Key stage on a string key (the fold)",
                Chain(
                    "FileStreamSource",
                    "mask",
                    "\"transforms.mask.type\": \"MaskField$Key\"",
                    "\"transforms.mask.fields\": \"id\""
                ),
                "KCN0252",
                9,
                "and the key is string"
            },
            {
                "a $Key stage after ExtractField$Key",
                Chain(
                    "FileStreamSource",
                    "tokey,extract,insert",
                    "\"transforms.tokey.type\": \"ValueToKey\"",
                    "\"transforms.tokey.fields\": \"id\"",
                    "\"transforms.extract.type\": \"ExtractField$Key\"",
                    "\"transforms.extract.field\": \"id\"",
                    "\"transforms.insert.type\": \"InsertField$Key\"",
                    "\"transforms.insert.static.field\": \"x\""
                ),
                "KCN0252",
                13,
                "the key after \"extract\" is string"
            },
            {
                "a key record with the default (string) key.converter",
                Chain(
                    "FileStreamSource",
                    "tokey",
                    "\"transforms.tokey.type\": \"ValueToKey\"",
                    "\"transforms.tokey.fields\": \"id,cvv\""
                ),
                "KCN0205",
                9,
                "the default key.converter"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void KeyChainThatCannotCompile_IsReportedAtTheKeyThatSaysWhy(
        string name,
        string spec,
        string id,
        int line,
        string fragment
    )
    {
        KeyChainSpecs.AssertRefused(
            Run(spec),
            d => d.Id is "KCN0205" or "KCN0250" or "KCN0252" or "KCN0258",
            name,
            id,
            line,
            fragment
        );
    }

    [Fact]
    public void KeyFieldTheKeyDoesNotHave_IsKcn0251AtItsLine_WithDidYouMean()
    {
        var run = Run(
            Chain(
                "FileStreamSource",
                "tokey,extract",
                "\"transforms.tokey.type\": \"ValueToKey\"",
                "\"transforms.tokey.fields\": \"id,card\"",
                "\"transforms.extract.type\": \"ExtractField$Key\"",
                "\"transforms.extract.field\": \"crad\""
            )
        );

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0251");
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("\"crad\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(
            "the key after \"tokey\"",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "card",
            diagnostic.GetMessage().Split("(its fields").Last(),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".KeyChain.g.cs", StringComparison.Ordinal)
        );
    }
}
