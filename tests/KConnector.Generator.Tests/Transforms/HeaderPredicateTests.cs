using System.Reflection;
using System.Text;
using Confluent.Kafka;
using KConnector.Records;
using KConnector.Transforms.Compiled;
using static KConnector.Generator.Tests.Transforms.CompiledHeaderFromTests;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A compiled MaskField under HasHeaderKey (docs/transforms.md, "Compiled stages under a
/// predicate"): the generated chain reads the record's headers from the CompiledRecordMetadata the
/// runner sets (a source record's, or a consumed record's Kafka headers), masking the record when
/// some header has the name (<c>negate</c>: when none has). The generated code is compiled, loaded
/// and run; a header-changing stage between the predicate and the converter is KCN0258 at its type.
/// </summary>
public class HeaderPredicateTests
{
    private static readonly string[] Pii =
    [
        "\"predicates\": \"pii\"",
        "\"predicates.pii.type\": \"org.apache.kafka.connect.transforms.predicates.HasHeaderKey\"",
        "\"predicates.pii.name\": \"pii\"",
    ];

    private static string[] Mask(bool negate) =>
        [
            "\"transforms.mask.type\": \"MaskField$Value\"",
            "\"transforms.mask.fields\": \"id\"",
            "\"transforms.mask.predicate\": \"pii\"",
            "\"transforms.mask.negate\": \"" + (negate ? "true" : "false") + "\"",
        ];

    [Theory]
    [InlineData(true, false, "")]
    [InlineData(false, false, "p-1")]
    [InlineData(true, true, "p-1")]
    [InlineData(false, true, "")]
    public void MaskFieldUnderHasHeaderKey_OnASourceRecordsHeaders(
        bool header,
        bool negate,
        string id
    )
    {
        var metadata = new CompiledRecordMetadata();
        metadata.SetHeaders(
            header
                ? new[]
                {
                    new RecordHeader("origin", "shop"u8.ToArray()),
                    new RecordHeader("pii", (byte[]?)null),
                }
                : new[] { new RecordHeader("origin", "shop"u8.ToArray()) }
        );

        var output = ApplyWith(
            Run(Spec("mask", [.. Mask(negate), .. Pii])),
            metadata,
            "source" + header + negate
        );

        Assert.Equal(id, output.GetType().GetProperty("Id")!.GetValue(output));
    }

    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "p-1")]
    public void MaskFieldUnderHasHeaderKey_OnAConsumedRecordsHeaders(bool header, string id)
    {
        var metadata = new CompiledRecordMetadata();
        var headers = new Headers { { "origin", Encoding.UTF8.GetBytes("shop") } };
        if (header)
        {
            headers.Add("pii", null);
        }
        metadata.SetHeaders(headers);

        var output = ApplyWith(
            Run(Spec("mask", [.. Mask(false), .. Pii])),
            metadata,
            "consumed" + header
        );

        Assert.Equal(id, output.GetType().GetProperty("Id")!.GetValue(output));
    }

    public static TheoryData<string, string, string, int, string> BetweenTheStageAndTheConverter =>
        new()
        {
            // name, connector, spec keys after transforms (line 9 on), 1-based line, message text
            {
                "an InsertHeader after it on a source",
                "FileStreamSource",
                "mask,tag",
                13,
                "it changes the headers after \"mask\"'s predicate (HasHeaderKey) reads them, and compiled transformations run last"
            },
            {
                "an InsertHeader before it on a sink",
                "FileStreamSink",
                "tag,mask",
                13,
                "it changes the headers before \"mask\"'s predicate (HasHeaderKey) reads them, and on a sink compiled transformations run first"
            },
        };

    [Theory]
    [MemberData(nameof(BetweenTheStageAndTheConverter))]
    public void HeaderStageBetweenThePredicateAndTheConverter_IsKcn0258(
        string name,
        string connector,
        string aliases,
        int line,
        string fragment
    )
    {
        var run = new Infrastructure.GeneratorHarness()
            .AddSchema("payment.avsc", KeyChainSpecs.Payment)
            .AddSchema(
                "payments.connector.json",
                KeyChainSpecs.Spec(
                    connector,
                    aliases,
                    [
                        .. Mask(false),
                        "\"transforms.tag.type\": \"InsertHeader\"",
                        "\"transforms.tag.header\": \"pii\"",
                        "\"transforms.tag.value.literal\": \"yes\"",
                        .. Pii,
                    ]
                )
            )
            .Run();

        KeyChainSpecs.AssertRefused(
            run,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal),
            name,
            "KCN0258",
            line,
            fragment
        );
    }

    [Fact]
    public void CompiledHeaderFromBeforeIt_IsKcn0258AtTheStage()
    {
        var run = Run(
            Spec(
                "copy,mask",
                [
                    "\"transforms.copy.type\": \"HeaderFrom$Value\"",
                    "\"transforms.copy.fields\": \"id\"",
                    "\"transforms.copy.headers\": \"pii\"",
                    "\"transforms.copy.operation\": \"copy\"",
                    .. Mask(false),
                    .. Pii,
                ]
            )
        );

        CompiledRun.Reported(
            run,
            "KCN0258",
            10,
            "its predicate (HasHeaderKey) reads the headers after \"copy\" adds some"
        );
    }

    // The chain's Apply(topic, value, metadata) on a payment of CompiledHeaderFromTests' source.
    private static object ApplyWith(
        Infrastructure.GeneratorRun run,
        CompiledRecordMetadata metadata,
        string name
    )
    {
        var assembly = run.Load("kconnector-hasheaderkey-" + name);
        var payment = Activator.CreateInstance(
            assembly.GetType("Shop.Headers.Payment", throwOnError: true)!
        )!;
        Set(payment, "Id", "p-1");
        Set(payment, "Tags", new[] { "a" });
        return assembly
            .GetTypes()
            .Single(t => t.Name == "PaymentsValueChain")
            .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, ["payments", payment, metadata])!;
    }
}
