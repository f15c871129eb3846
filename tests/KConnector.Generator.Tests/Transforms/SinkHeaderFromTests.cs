using System.Reflection;
using KConnector.Converters.Headers;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// HeaderFrom$Value compiled on a sink (docs/transforms.md, "How a compiled HeaderFrom writes
/// headers"): Kafka Connect's sink converts, then transforms, so the task's record carries each
/// field as a header typed with the field's Connect schema, after the record's own, and with
/// <c>move</c> a value without the field. The generated chain is compiled, loaded and run; the
/// orders that would change the headers are KCN0258 at the run-time stage's type.
/// </summary>
public class SinkHeaderFromTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" },
          { "name": "note", "type": ["null", "string"], "default": null } ] }
        """;

    private static GeneratorRun Run(string aliases, params string[] keys) =>
        KeyChainSpecs.Run(Payment, "FileStreamSink", aliases, keys);

    // The chain's Apply and Headers run on a payment: the output record and the task's headers.
    private static (object Output, List<RecordHeader> Headers) Apply(GeneratorRun run)
    {
        var assembly = CompiledRun.Load(run);
        var payment = CompiledRun.New(assembly, "Shop.Pay.Payment");
        CompiledRun.Set(payment, "Id", "p-1");
        CompiledRun.Set(payment, "Amount", 12.9);
        CompiledRun.Set(payment, "Card", "4111111111111111");
        CompiledRun.Set(payment, "Cvv", 123);
        var output = CompiledRun.Apply(assembly, "PaymentsValueChain", "payments", payment);
        var headers = new List<RecordHeader> { new("trace", HeaderValue.FromString("t-1")) };
        assembly
            .GetTypes()
            .Single(t => t.Name == "PaymentsValueChain")
            .GetMethod("Headers", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, ["payments", payment, new CompiledHeaderSink(headers)]);
        return (output, headers);
    }

    [Fact]
    public void Move_GivesTheTaskTypedHeadersAfterItsOwn_AndTheValueWithoutTheFields()
    {
        var run = Run(
            "cast,move,mask",
            "\"transforms.cast.type\": \"Cast$Value\"",
            "\"transforms.cast.spec\": \"amount:int32\"",
            "\"transforms.move.type\": \"org.apache.kafka.connect.transforms.HeaderFrom$Value\"",
            "\"transforms.move.fields\": \"amount,cvv,note\"",
            "\"transforms.move.headers\": \"amt,code,remark\"",
            "\"transforms.move.operation\": \"move\"",
            "\"transforms.mask.type\": \"MaskField$Value\"",
            "\"transforms.mask.fields\": \"card\""
        );

        Assert.Empty(run.Diagnostics);
        var (output, headers) = Apply(run);

        // The record's own header first, then HeaderFrom's, typed (no header.converter on a sink):
        // the cast amount an INT32 (12.9 to int32 is 12), the int cvv an INT32, the null note null.
        Assert.Equal(
            [
                new("trace", HeaderValue.FromString("t-1")),
                new("amt", HeaderValue.FromInteger(HeaderValueType.Int32, 12)),
                new("code", HeaderValue.FromInteger(HeaderValueType.Int32, 123)),
                new RecordHeader("remark", HeaderValue.Null),
            ],
            headers
        );
        Assert.Equal("", CompiledRun.Get(output, "Card"));
        foreach (var moved in new[] { "Amount", "Cvv", "Note" })
        {
            Assert.Null(output.GetType().GetProperty(moved));
        }
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            ".Apply, global::KConnector.Generated.PaymentsValueChain.Headers)",
            worker,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Copy_KeepsTheFields_AndInsertHeaderAfterItCompiles()
    {
        // On a sink the run-time stages after a compiled one run after it, as the spec says.
        var run = Run(
            "copy,insert",
            "\"transforms.copy.type\": \"HeaderFrom$Value\"",
            "\"transforms.copy.fields\": \"id\"",
            "\"transforms.copy.headers\": \"payment-id\"",
            "\"transforms.copy.operation\": \"copy\"",
            "\"transforms.insert.type\": \"InsertHeader\"",
            "\"transforms.insert.header\": \"origin\"",
            "\"transforms.insert.value.literal\": \"shop\""
        );

        Assert.Empty(run.Diagnostics);
        var (output, headers) = Apply(run);

        Assert.Equal(
            [
                new("trace", HeaderValue.FromString("t-1")),
                new RecordHeader("payment-id", HeaderValue.FromString("p-1")),
            ],
            headers
        );
        Assert.Equal("p-1", CompiledRun.Get(output, "Id"));
        Assert.Equal(123, CompiledRun.Get(output, "Cvv"));
    }

    public static TheoryData<string, string[], int, string> Refused =>
        new()
        {
            // name, the transforms.* keys (from line 9), 1-based line, text the message must contain
            {
                "DropHeaders before it",
                [
                    "\"transforms.drop.type\": \"DropHeaders\"",
                    "\"transforms.drop.headers\": \"i\"",
                    "\"transforms.h.type\": \"HeaderFrom$Value\"",
                    "\"transforms.h.fields\": \"id\"",
                    "\"transforms.h.headers\": \"i\"",
                ],
                9,
                "it changes the headers before \"h\" adds some, and on a sink compiled transformations run first"
            },
            {
                "a stage under HasHeaderKey before it",
                [
                    "\"transforms.drop.type\": \"RegexRouter\"",
                    "\"transforms.drop.regex\": \"(.*)\"",
                    "\"transforms.drop.replacement\": \"$1-i\"",
                    "\"transforms.drop.predicate\": \"hasI\"",
                    "\"predicates\": \"hasI\"",
                    "\"predicates.hasI.type\": \"HasHeaderKey\"",
                    "\"predicates.hasI.name\": \"i\"",
                    "\"transforms.h.type\": \"HeaderFrom$Value\"",
                    "\"transforms.h.fields\": \"id\"",
                    "\"transforms.h.headers\": \"i\"",
                ],
                9,
                "its predicate (KConnector.Transforms.HasHeaderKey) may read the headers \"h\" adds"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RunTimeStageBeforeIt_ThatReadsOrChangesHeaders_IsKcn0258(
        string name,
        string[] keys,
        int line,
        string fragment
    )
    {
        var run = Run("drop,h", [.. keys, "\"transforms.h.operation\": \"move\""]);

        KeyChainSpecs.AssertRefused(run, d => d.Id == "KCN0258", name, "KCN0258", line, fragment);
    }
}
