using System.Reflection;
using System.Text;
using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// HeaderFrom$Key compiled in the key chain (docs/transforms.md, "How a compiled HeaderFrom writes
/// headers"): each key field becomes a header typed with its Connect schema (Kafka Connect's
/// <c>HeaderFrom.applyWithSchema</c> on the key), <c>move</c> removes it from the output key. The
/// key chain's <c>Headers</c> reads its input: the task's own key, or the value a ValueToKey
/// makes the key from; the key converter hands them to the runner (SourceChainConverter,
/// SourceKeyChainConverter, SinkChainConverter, SinkKeyChainConverter). The generated code is
/// compiled, loaded and run.
/// </summary>
public class KeyHeaderFromTests
{
    private const string Move = "\"transforms.h.operation\": \"move\"";

    // The key chain's Apply and Headers on the input the test builds.
    private static (object Output, MethodInfo Headers) Apply(Assembly assembly, object input)
    {
        var chain = assembly.GetTypes().Single(t => t.Name == "PaymentsKeyChain");
        return (
            CompiledRun.Apply(assembly, "PaymentsKeyChain", "payments", input),
            chain.GetMethod("Headers", BindingFlags.Public | BindingFlags.Static)!
        );
    }

    private static object Key(Assembly assembly)
    {
        var key = CompiledRun.New(assembly, "Shop.Pay.PaymentKey");
        CompiledRun.Set(key, "Id", "p-1");
        CompiledRun.Set(key, "Region", "eu");
        CompiledRun.Set(key, "Seq", 7);
        return key;
    }

    [Fact]
    public void SourceOwnKey_Move_WritesTheKeyFieldsThroughTheHeaderConverter()
    {
        var run = OwnKeyCompiledChainTests.Run(
            OwnKeyCompiledChainTests.SourceSpec(
                "h",
                "\"transforms.h.type\": \"org.apache.kafka.connect.transforms.HeaderFrom$Key\"",
                "\"transforms.h.fields\": \"region,seq,note\"",
                "\"transforms.h.headers\": \"area,n,remark\"",
                Move,
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\""
            )
        );

        Assert.Empty(run.Diagnostics);
        var assembly = CompiledRun.Load(run);
        var key = Key(assembly);
        var (output, headers) = Apply(assembly, key);
        var written = new Headers();
        headers.Invoke(
            null,
            [
                "payments",
                key,
                new CompiledHeaderSink(written, new SimpleHeaderConverter(), "payments"),
            ]
        );

        Assert.Equal(
            [("area", "eu"), ("n", "7"), ("remark", null)],
            written.Select(h =>
                (h.Key, h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : null)
            )
        );
        Assert.Equal("p-1", CompiledRun.Get(output, "Id"));
        Assert.Null(output.GetType().GetProperty("Region"));
        Assert.Null(output.GetType().GetProperty("Seq"));
        Assert.Contains(
            ".PaymentsKeyChain.Headers)",
            OwnKeyCompiledChainTests.Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SinkOwnKey_Move_GivesTheTaskTypedHeaders()
    {
        var run = OwnKeyCompiledChainTests.Run(
            KeyChainSpecs.Spec(
                "FileStreamSink",
                "h",
                "\"key.schema\": \"payment-key.avsc\"",
                "\"transforms.h.type\": \"HeaderFrom$Key\"",
                "\"transforms.h.fields\": \"seq\"",
                "\"transforms.h.headers\": \"n\"",
                Move
            )
        );

        Assert.Empty(run.Diagnostics);
        var assembly = CompiledRun.Load(run);
        var key = Key(assembly);
        var (output, headers) = Apply(assembly, key);
        var given = new List<RecordHeader>();
        headers.Invoke(null, ["payments", key, new CompiledHeaderSink(given)]);

        Assert.Equal(
            [new RecordHeader("n", HeaderValue.FromInteger(HeaderValueType.Int32, 7))],
            given
        );
        Assert.Null(output.GetType().GetProperty("Seq"));
        Assert.Contains(
            "SinkChainConverter<global::Shop.Pay.PaymentKey, ",
            OwnKeyCompiledChainTests.Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            ".PaymentsKeyChain.Apply, global::KConnector.Generated.PaymentsKeyChain.Headers)",
            OwnKeyCompiledChainTests.Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("FileStreamSource", "SourceKeyChainConverter<")]
    [InlineData("FileStreamSink", "SinkKeyChainConverter<")]
    public void AfterValueToKey_TheHeadersReadTheValue(string connector, string keyConverter)
    {
        var run = OwnKeyCompiledChainTests.Run(
            KeyChainSpecs.Spec(
                connector,
                "k,h",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.k.type\": \"ValueToKey\"",
                "\"transforms.k.fields\": \"id,amount\"",
                "\"transforms.h.type\": \"HeaderFrom$Key\"",
                "\"transforms.h.fields\": \"amount\"",
                "\"transforms.h.headers\": \"amt\"",
                Move
            )
        );

        Assert.Empty(run.Diagnostics);
        var assembly = CompiledRun.Load(run);
        var payment = CompiledRun.New(assembly, "Shop.Pay.Payment");
        CompiledRun.Set(payment, "Id", "p-1");
        CompiledRun.Set(payment, "Amount", 12.5);
        var (output, headers) = Apply(assembly, payment);
        var given = new List<RecordHeader>();
        headers.Invoke(null, ["payments", payment, new CompiledHeaderSink(given)]);

        Assert.Equal([new RecordHeader("amt", HeaderValue.FromDouble(12.5))], given);
        Assert.Equal("p-1", CompiledRun.Get(output, "Id"));
        Assert.Null(output.GetType().GetProperty("Amount"));
        var worker = OwnKeyCompiledChainTests.Hint(run, ".Worker.g.cs");
        Assert.Contains(keyConverter, worker, StringComparison.Ordinal);
        Assert.Contains(".PaymentsKeyChain.Headers)", worker, StringComparison.Ordinal);
    }
}
