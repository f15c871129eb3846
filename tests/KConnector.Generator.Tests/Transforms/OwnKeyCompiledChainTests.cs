using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// <c>$Key</c> stages compiled over the task's OWN key (docs/transforms.md, "Compiled at build
/// time"): an .avsc key's fields, or a string key hoisted into Connect's unnamed struct, rewritten
/// by <c>{Connector}KeyChain.Apply(topic, key)</c>; on a source in the key converter before
/// <c>key.converter</c> writes (SourceChainConverter over the key), on a sink after it reads
/// (SinkChainConverter), the task then taking the output key. Build errors name the key field at
/// the spec's line.
/// </summary>
public class OwnKeyCompiledChainTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" } ] }
        """;

    private const string PaymentKey = """
        { "type": "record", "name": "PaymentKey", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "region", "type": "string" },
          { "name": "seq", "type": "int" }, { "name": "note", "type": ["null", "string"], "default": null } ] }
        """;

    private static string Spec(string connector, string aliases, params string[] keys) =>
        KeyChainSpecs.Spec(connector, aliases, keys);

    private const string KeyedSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Pay;

        namespace Shop.Connectors;

        [SourceConnector("keyed-payments-source", KeyType = typeof(PaymentKey), ValueType = typeof(Payment))]
        public partial class KeyedPaymentSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<PaymentKey, Payment>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<PaymentKey, Payment>>>([]);
        }
        """;

    /// <summary>A spec of the project's source class of PaymentKey keys; the transforms.* keys from line 6 on.</summary>
    internal static string SourceSpec(string aliases, params string[] keys) =>
        "{\n"
        + "  \"name\": \"payments\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"Shop.Connectors.KeyedPaymentSource\",\n"
        + $"    \"transforms\": \"{aliases}\""
        + string.Concat(keys.Select(k => ",\n    " + k))
        + "\n  }\n}\n";

    // The project's source class is in every run: a FileStreamSource/Sink spec beside it is unaffected.
    internal static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema("payment-key.avsc", PaymentKey)
            .AddSource(KeyedSource)
            .AddSchema("payments.connector.json", spec)
            .Run();

    // The spec's own sources (the project's source class has a worker of its own).
    internal static string Hint(GeneratorRun run, string suffix) =>
        run.Source(
            run.HintNames.Single(h => h.EndsWith(".Payments" + suffix, StringComparison.Ordinal))
        );

    private static string Compact(string text) =>
        text.Replace("\\", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void SourceAvscKey_KeyStagesCompileOverTheTasksKey_KeyConverterWritesTheDerivedRecord()
    {
        var run = Run(
            SourceSpec(
                "insert,rename,mask,cast,name",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.insert.type\": \"InsertField$Key\"",
                "\"transforms.insert.static.field\": \"origin\"",
                "\"transforms.insert.static.value\": \"shop\"",
                "\"transforms.rename.type\": \"org.apache.kafka.connect.transforms.ReplaceField$Key\"",
                "\"transforms.rename.renames\": \"id:payment_id\"",
                "\"transforms.rename.exclude\": \"region\"",
                "\"transforms.mask.type\": \"MaskField$Key\"",
                "\"transforms.mask.fields\": \"note\"",
                "\"transforms.cast.type\": \"Cast$Key\"",
                "\"transforms.cast.spec\": \"seq:string\"",
                "\"transforms.name.type\": \"SetSchemaMetadata$Key\"",
                "\"transforms.name.schema.name\": \"shop.pay.PaymentRef\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = Hint(run, ".KeyChain.g.cs");
        foreach (
            var line in new[]
            {
                "PaymentsKeyOutput.PaymentRef Apply(string topic, global::Shop.Pay.PaymentKey key)",
                "PaymentId = key.Id,",
                "Seq = global::KConnector.Transforms.Compiled.CompiledCast.Text(key.Seq),",
                "Note = (key.Note is null ? null : (string?)\"\"),",
                "Origin = \"shop\",",
            }
        )
        {
            Assert.Contains(line, chain, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Region", chain, StringComparison.Ordinal);
        Assert.Contains(
            "\"name\":\"PaymentRef\",\"namespace\":\"shop.pay\",\"fields\":[{\"name\":\"payment_id\",\"type\":\"string\"},{\"name\":\"seq\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"origin\",\"type\":[\"null\",\"string\"],\"default\":null}]",
            Compact(Hint(run, ".KeyOutput.g.cs")),
            StringComparison.Ordinal
        );
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Matches(
            @"new global::KConnector\.Transforms\.Compiled\.SourceChainConverter<global::Shop\.Pay\.PaymentKey, global::([A-Za-z.]+\.)?PaymentsKeyOutput\.PaymentRef>\(",
            worker
        );
        // Only key stages: the value converter is value.converter's, and the aliases leave the run-time chain.
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
        Assert.Contains(
            "\"insert\", \"rename\", \"mask\", \"cast\", \"name\"",
            worker,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SourceStringKey_HoistField_IsAConnectDefaultStructOfTheKey()
    {
        var run = Run(
            Spec(
                "FileStreamSource",
                "hoist,tag",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.hoist.type\": \"org.apache.kafka.connect.transforms.HoistField$Key\"",
                "\"transforms.hoist.field\": \"order_id\"",
                "\"transforms.tag.type\": \"InsertField$Key\"",
                "\"transforms.tag.topic.field\": \"topic!\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = Hint(run, ".KeyChain.g.cs");
        Assert.Contains(
            "PaymentsKeyOutput.ConnectDefault Apply(string topic, string key)",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains("OrderId = key,", chain, StringComparison.Ordinal);
        Assert.Contains("Topic = topic,", chain, StringComparison.Ordinal);
        Assert.Contains(
            "\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[{\"name\":\"order_id\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"topic\",\"type\":\"string\"}]",
            Compact(Hint(run, ".KeyOutput.g.cs")),
            StringComparison.Ordinal
        );
        // The task's string key cannot be written by the AvroConverter: no converter of it is built.
        Assert.Matches(
            @"SourceChainConverter<string, global::([A-Za-z.]+\.)?PaymentsKeyOutput\.ConnectDefault>\(.*, global::([A-Za-z.]+\.)?PaymentsKeyChain\.Apply, null\)",
            Hint(run, ".Worker.g.cs")
        );
    }

    [Fact]
    public void SourceStringKey_HoistedTwice_IsConnectDefaultHoldingConnectDefault2_AsAvroDataNumbersThem()
    {
        var run = Run(
            Spec(
                "FileStreamSource",
                "inner,outer",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.inner.type\": \"HoistField$Key\"",
                "\"transforms.inner.field\": \"order_id\"",
                "\"transforms.outer.type\": \"HoistField$Key\"",
                "\"transforms.outer.field\": \"key\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        // AvroData names unnamed structs as it meets them, the record before its fields: two
        // records, never one holding a reference to itself.
        var schema = Compact(Hint(run, ".KeyOutput.g.cs"));
        Assert.Contains(
            "\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[{\"name\":\"key\"",
            schema,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"name\":\"ConnectDefault2\",\"fields\":[{\"name\":\"order_id\"",
            schema,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SourceAvscKey_HoistField_NestsTheKeyRecord()
    {
        var run = Run(
            SourceSpec(
                "hoist",
                "\"transforms.hoist.type\": \"HoistField$Key\"",
                "\"transforms.hoist.field\": \"ref\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var chain = Hint(run, ".KeyChain.g.cs");
        Assert.Contains("Ref = new global::", chain, StringComparison.Ordinal);
        Assert.Contains("Seq = key.Seq,", chain, StringComparison.Ordinal);
        Assert.Contains(
            "{\"name\":\"ref\",\"type\":{\"type\":\"record\",\"name\":\"PaymentKey\",\"namespace\":\"Shop.Pay\"",
            Compact(Hint(run, ".KeyOutput.g.cs")),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SourceAvscKey_ExtractField_KeyIsTheStringField()
    {
        var run = Run(
            SourceSpec(
                "extract",
                "\"key.converter\": \"org.apache.kafka.connect.storage.StringConverter\"",
                "\"transforms.extract.type\": \"ExtractField$Key\"",
                "\"transforms.extract.field\": \"region\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(
            "public static string Apply(string topic, global::Shop.Pay.PaymentKey key)",
            Hint(run, ".KeyChain.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "return key.Region;",
            Hint(run, ".KeyChain.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "SourceChainConverter<global::Shop.Pay.PaymentKey, string>(",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SinkAvscKey_ExtractFieldOfANumber_TheTaskTakesTheNumber()
    {
        var run = Run(
            Spec(
                "FileStreamSink",
                "extract,cast",
                "\"key.schema\": \"payment-key.avsc\"",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.extract.type\": \"ExtractField$Key\"",
                "\"transforms.extract.field\": \"seq\"",
                "\"transforms.cast.type\": \"Cast$Key\"",
                "\"transforms.cast.spec\": \"int64\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(
            "public static long? Apply(string topic, global::Shop.Pay.PaymentKey key)",
            Hint(run, ".KeyChain.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "return (long)key.Seq;",
            Hint(run, ".KeyChain.g.cs"),
            StringComparison.Ordinal
        );
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Contains(
            "SinkTaskRunner<long?, global::Shop.Pay.Payment>",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SinkChainConverter<global::Shop.Pay.PaymentKey, long?>(",
            worker,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SinkAvscKey_KeyStagesRunAfterTheKeyConverter_TheTaskTakesTheOutputKey()
    {
        var run = Run(
            Spec(
                "FileStreamSink",
                "rename,extract",
                "\"key.schema\": \"payment-key.avsc\"",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.rename.type\": \"ReplaceField$Key\"",
                "\"transforms.rename.renames\": \"id:payment_id\"",
                "\"transforms.extract.type\": \"ExtractField$Key\"",
                "\"transforms.extract.field\": \"payment_id\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains("return key.Id;", Hint(run, ".KeyChain.g.cs"), StringComparison.Ordinal);
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Contains(
            "SinkTaskRunner<string, global::Shop.Pay.Payment>",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SinkChainConverter<global::Shop.Pay.PaymentKey, string>(global::KConnector.Converters.ConverterFactory.Create<global::Shop.Pay.PaymentKey>(",
            worker,
            StringComparison.Ordinal
        );
        // No value stage: the value converter reads the task's value type as before.
        Assert.DoesNotContain(
            "SinkChainConverter<global::Shop.Pay.Payment,",
            worker,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SinkKey_HoistedIntoAStruct_TheTaskTakesTheGeneratedKeyRecord()
    {
        var run = Run(
            Spec(
                "FileStreamSink",
                "hoist,cast",
                "\"key.schema\": \"payment-key.avsc\"",
                "\"transforms.hoist.type\": \"HoistField$Key\"",
                "\"transforms.hoist.field\": \"ref\"",
                "\"transforms.cast.type\": \"Flatten$Key\"",
                "\"transforms.cast.delimiter\": \"_\""
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains("RefSeq = key.Seq,", Hint(run, ".KeyChain.g.cs"), StringComparison.Ordinal);
        Assert.Matches(
            @"SinkTaskRunner<global::([A-Za-z.]+\.)?PaymentsKeyOutput\.ConnectDefault, global::Shop\.Pay\.Payment>",
            Hint(run, ".Worker.g.cs")
        );
    }

    public static TheoryData<string, string, string, int, string> Refused =>
        new()
        {
            {
                "HeaderFrom$Key after a HeaderFrom$Value (the key's headers come first)",
                SourceSpec(
                    "v,h",
                    "\"transforms.v.type\": \"HeaderFrom$Value\"",
                    "\"transforms.v.fields\": \"id\"",
                    "\"transforms.v.headers\": \"i\"",
                    "\"transforms.v.operation\": \"copy\"",
                    "\"transforms.h.type\": \"HeaderFrom$Key\"",
                    "\"transforms.h.fields\": \"region\"",
                    "\"transforms.h.headers\": \"r\"",
                    "\"transforms.h.operation\": \"copy\""
                ),
                "KCN0258",
                10,
                "the key's compiled headers are added before the value's (the key converter runs first), so they would come before those of \"v\"; put it before \"v\""
            },
            {
                "ValueToKey after a HeaderFrom$Key of the task's own key",
                SourceSpec(
                    "h,v",
                    "\"transforms.h.type\": \"HeaderFrom$Key\"",
                    "\"transforms.h.fields\": \"region\"",
                    "\"transforms.h.headers\": \"r\"",
                    "\"transforms.h.operation\": \"copy\"",
                    "\"transforms.v.type\": \"ValueToKey\"",
                    "\"transforms.v.fields\": \"id\""
                ),
                "KCN0258",
                10,
                "put the HeaderFrom$Key after it"
            },
            {
                "a key stage under a predicate",
                SourceSpec(
                    "mask",
                    "\"transforms.mask.type\": \"MaskField$Key\"",
                    "\"transforms.mask.fields\": \"region\"",
                    "\"transforms.mask.predicate\": \"p\"",
                    "\"predicates\": \"p\"",
                    "\"predicates.p.type\": \"TopicNameMatches\"",
                    "\"predicates.p.pattern\": \"pay.*\""
                ),
                "KCN0258",
                6,
                "the key's compiled chain runs on every record; the build decides it only where it knows the topic, and here the task names each record's topic"
            },
            {
                "a renamed key field that does not exist on a sink, with did-you-mean",
                Spec(
                    "FileStreamSink",
                    "rename",
                    "\"key.schema\": \"payment-key.avsc\"",
                    "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                    "\"transforms.rename.type\": \"ReplaceField$Key\"",
                    "\"transforms.rename.renames\": \"regoin:area\""
                ),
                "KCN0251",
                12,
                "region"
            },
            {
                "a masked key field that does not exist on a sink",
                Spec(
                    "FileStreamSink",
                    "mask",
                    "\"key.schema\": \"payment-key.avsc\"",
                    "\"transforms.mask.type\": \"MaskField$Key\"",
                    "\"transforms.mask.fields\": \"sq\""
                ),
                "KCN0251",
                11,
                "seq"
            },
            {
                "a Cast of a key field to a type it cannot take",
                Spec(
                    "FileStreamSink",
                    "cast",
                    "\"key.schema\": \"payment-key.avsc\"",
                    "\"transforms.cast.type\": \"Cast$Key\"",
                    "\"transforms.cast.spec\": \"region:uuid\""
                ),
                "KCN0253",
                11,
                "region"
            },
            {
                "a source class's key field that does not exist, with did-you-mean",
                SourceSpec(
                    "rename",
                    "\"transforms.rename.type\": \"ReplaceField$Key\"",
                    "\"transforms.rename.renames\": \"sq:sequence\""
                ),
                "KCN0251",
                7,
                "seq"
            },
            {
                "a hoisted string key with the default (string) key.converter",
                Spec(
                    "FileStreamSource",
                    "hoist",
                    "\"transforms.hoist.type\": \"HoistField$Key\"",
                    "\"transforms.hoist.field\": \"id\""
                ),
                "KCN0205",
                9,
                "the default key.converter"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void OwnKeyChainThatCannotCompile_IsReportedAtTheKeyThatSaysWhy(
        string name,
        string spec,
        string id,
        int line,
        string fragment
    )
    {
        KeyChainSpecs.AssertRefused(
            Run(spec),
            d => d.Severity == DiagnosticSeverity.Error,
            name,
            id,
            line,
            fragment
        );
    }
}
