using System.Reflection;
using System.Text;
using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Transforms.Compiled;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// HeaderFrom$Value compiled on a source (docs/transforms.md, "Compiled at build time"): each field
/// becomes a header typed with the field's Connect schema, written through the header converter
/// (Kafka Connect's <c>HeaderFrom.applyWithSchema</c>), and <c>move</c> removes the field from the
/// output record. The generated code is compiled, loaded and run on a record; what stays refused is
/// KCN0258 at the key that says why.
/// </summary>
public class CompiledHeaderFromTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Headers", "fields": [
          { "name": "id", "type": "string" },
          { "name": "amount", "type": "double" },
          { "name": "cvv", "type": "int" },
          { "name": "paid_at", "type": { "type": "long", "logicalType": "timestamp-millis" } },
          { "name": "note", "type": ["null", "string"], "default": null },
          { "name": "seq", "type": ["null", "long"], "default": null },
          { "name": "tags", "type": { "type": "array", "items": "string" } } ] }
        """;

    private const string PaymentSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Headers;

        namespace Shop.Connectors;

        [SourceConnector("payment-headers-source", ValueType = typeof(Payment))]
        public partial class PaymentSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<string, Payment>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Payment>>>([]);
        }
        """;

    private static readonly DateTimeOffset PaidAt = new(2024, 3, 1, 12, 34, 56, 789, TimeSpan.Zero);

    /// <summary>A spec of PaymentSource with its transforms from line 5 on.</summary>
    internal static string Spec(string aliases, params string[] keys) =>
        "{\n"
        + "  \"name\": \"payments\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"Shop.Connectors.PaymentSource\",\n"
        + "    \"transforms\": \""
        + aliases
        + "\""
        + string.Concat(keys.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    internal static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSource(PaymentSource)
            .AddSchema("payments.connector.json", spec)
            .Run();

    /// <summary>Runs the chain's Apply and Headers on a payment; the output record and the headers' text as the SimpleHeaderConverter writes them.</summary>
    internal static (object Output, List<(string Name, string? Text)> Headers) Apply(
        GeneratorRun run,
        Action<object>? change = null,
        string topic = "payments"
    )
    {
        var assembly = run.Load("kconnector-headerfrom-" + topic);
        var payment = Activator.CreateInstance(
            assembly.GetType("Shop.Headers.Payment", throwOnError: true)!
        )!;
        Set(payment, "Id", "p-1");
        Set(payment, "Amount", 12.9);
        Set(payment, "Cvv", 123);
        Set(payment, "PaidAt", PaidAt);
        Set(payment, "Tags", new[] { "a" });
        change?.Invoke(payment);
        var chain = assembly.GetTypes().Single(t => t.Name == "PaymentsValueChain");
        var output = chain
            .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [topic, payment])!;
        var headers = new Headers();
        chain
            .GetMethod("Headers", BindingFlags.Public | BindingFlags.Static)
            ?.Invoke(
                null,
                [
                    topic,
                    payment,
                    new CompiledHeaderSink(headers, new SimpleHeaderConverter(), topic),
                ]
            );
        return (
            output,
            [
                .. headers.Select(h =>
                    (h.Key, h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : null)
                ),
            ]
        );
    }

    internal static void Set(object record, string property, object? value) =>
        record.GetType().GetProperty(property)!.SetValue(record, value);

    internal static bool Has(object record, string property) =>
        record.GetType().GetProperty(property) is not null;

    [Fact]
    public void Move_WritesEachFieldAsAHeaderOfItsSchema_AndTheOutputRecordLacksIt()
    {
        var run = Run(
            Spec(
                "cast,move,rename",
                "\"transforms.cast.type\": \"Cast$Value\"",
                "\"transforms.cast.spec\": \"amount:int32\"",
                "\"transforms.move.type\": \"org.apache.kafka.connect.transforms.HeaderFrom$Value\"",
                "\"transforms.move.fields\": \"amount,cvv,paid_at,note,seq\"",
                "\"transforms.move.headers\": \"amt,code,paid,note,seq\"",
                "\"transforms.move.operation\": \"move\"",
                "\"transforms.rename.type\": \"ReplaceField$Value\"",
                "\"transforms.rename.renames\": \"id:ref\""
            )
        );

        var (output, headers) = Apply(run, p => Set(p, "Seq", 7L));

        // The header of a cast field has the cast type (Connect's fieldSchema at that stage): 12.9 to int32 is 12.
        Assert.Equal(
            [
                ("amt", "12"),
                ("code", "123"),
                ("paid", "2024-03-01T12:34:56.789Z"),
                ("note", null),
                ("seq", "7"),
            ],
            headers
        );
        Assert.Equal("p-1", output.GetType().GetProperty("Ref")!.GetValue(output));
        foreach (var moved in new[] { "Amount", "Cvv", "PaidAt", "Note", "Seq" })
        {
            Assert.False(Has(output, moved), moved + " should have moved to a header");
        }
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Payments.Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "global::KConnector.Generated.PaymentsValueChain.Headers)",
            worker,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Copy_KeepsTheFields_AndAddsTheHeaders()
    {
        var run = Run(
            Spec(
                "copy",
                "\"transforms.copy.type\": \"HeaderFrom$Value\"",
                "\"transforms.copy.fields\": \"id,note\"",
                "\"transforms.copy.headers\": \"payment-id,remark\"",
                "\"transforms.copy.operation\": \"copy\""
            )
        );

        var (output, headers) = Apply(run, p => Set(p, "Note", "gift"));

        Assert.Equal([("payment-id", "p-1"), ("remark", "gift")], headers);
        Assert.Equal("p-1", output.GetType().GetProperty("Id")!.GetValue(output));
        Assert.Equal("gift", output.GetType().GetProperty("Note")!.GetValue(output));
        Assert.Equal(12.9, output.GetType().GetProperty("Amount")!.GetValue(output));
    }

    [Fact]
    public void ChainWithoutHeaderFrom_GivesTheConverterNoHeaders()
    {
        var run = Run(
            Spec(
                "mask",
                "\"transforms.mask.type\": \"MaskField$Value\"",
                "\"transforms.mask.fields\": \"cvv\""
            )
        );

        var assembly = run.Load("kconnector-noheaders");
        var chain = assembly.GetTypes().Single(t => t.Name == "PaymentsValueChain");
        Assert.Null(chain.GetMethod("Headers"));
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Payments.Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.DoesNotContain(".Headers)", worker, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string> Refused =>
        new()
        {
            // name, spec, 1-based line, text the message must contain
            {
                "an array field",
                Spec(
                    "h",
                    "\"transforms.h.type\": \"HeaderFrom$Value\"",
                    "\"transforms.h.fields\": \"tags\"",
                    "\"transforms.h.headers\": \"t\"",
                    "\"transforms.h.operation\": \"copy\""
                ),
                7,
                "the field \"tags\" is a array, and a compiled HeaderFrom copies primitive and Timestamp/Date/Time fields only"
            },
            {
                "DropHeaders after it",
                Spec(
                    "h,drop",
                    "\"transforms.h.type\": \"HeaderFrom$Value\"",
                    "\"transforms.h.fields\": \"id\"",
                    "\"transforms.h.headers\": \"i\"",
                    "\"transforms.h.operation\": \"copy\"",
                    "\"transforms.drop.type\": \"DropHeaders\"",
                    "\"transforms.drop.headers\": \"i\""
                ),
                10,
                "it changes the headers after \"h\" adds some"
            },
            {
                "a stage under HasHeaderKey after it",
                Spec(
                    "h,route",
                    "\"transforms.h.type\": \"HeaderFrom$Value\"",
                    "\"transforms.h.fields\": \"id\"",
                    "\"transforms.h.headers\": \"i\"",
                    "\"transforms.h.operation\": \"copy\"",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"(.*)\"",
                    "\"transforms.route.replacement\": \"$1-i\"",
                    "\"transforms.route.predicate\": \"hasI\"",
                    "\"predicates\": \"hasI\"",
                    "\"predicates.hasI.type\": \"HasHeaderKey\"",
                    "\"predicates.hasI.name\": \"i\""
                ),
                10,
                "its predicate (KConnector.Transforms.HasHeaderKey) may read the headers \"h\" adds"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void HeaderFromThatCannotCompile_IsKcn0258AtTheKeyThatSaysWhy(
        string name,
        string spec,
        int line,
        string fragment
    )
    {
        var run = Run(spec);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0258");
        Assert.True(
            diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1 == line
                && diagnostic.GetMessage().Contains(fragment, StringComparison.Ordinal),
            name
                + ": got line "
                + (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1)
                + ": "
                + diagnostic.GetMessage()
        );
    }

    [Fact]
    public void StageUnderTopicNameMatchesAfterIt_Compiles()
    {
        // The topic and tombstone predicates read nothing HeaderFrom writes: the order commutes.
        var run = Run(
            Spec(
                "h,route",
                "\"transforms.h.type\": \"HeaderFrom$Value\"",
                "\"transforms.h.fields\": \"id\"",
                "\"transforms.h.headers\": \"i\"",
                "\"transforms.h.operation\": \"move\"",
                "\"transforms.route.type\": \"RegexRouter\"",
                "\"transforms.route.regex\": \"(.*)\"",
                "\"transforms.route.replacement\": \"$1-i\"",
                "\"transforms.route.predicate\": \"pay\"",
                "\"predicates\": \"pay\"",
                "\"predicates.pay.type\": \"TopicNameMatches\"",
                "\"predicates.pay.pattern\": \"pay.*\""
            )
        );

        var (output, headers) = Apply(run);

        Assert.Equal([("i", "p-1")], headers);
        Assert.False(Has(output, "Id"));
    }
}
