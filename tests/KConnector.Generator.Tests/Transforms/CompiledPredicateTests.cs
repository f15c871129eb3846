using static KConnector.Generator.Tests.Transforms.CompiledHeaderFromTests;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// Compiled stages under a predicate (docs/transforms.md, "Compiled at build time"): under
/// TopicNameMatches the stages that keep the schema (MaskField, HeaderFrom copy) apply per record
/// by the topic the value converter is given, <c>negate</c> reversing it; under RecordIsTombstone
/// with <c>negate</c> any value stage applies to every record with a value, and without it to
/// tombstones only, which compiled chains leave as they are. The generated code is compiled,
/// loaded and run; what stays refused is in CompiledChainTests' and OwnKeyCompiledChainTests' rows.
/// </summary>
public class CompiledPredicateTests
{
    private static readonly string[] PayTopics =
    [
        "\"predicates\": \"pay\"",
        "\"predicates.pay.type\": \"org.apache.kafka.connect.transforms.predicates.TopicNameMatches\"",
        "\"predicates.pay.pattern\": \"pay.*\"",
    ];

    private static readonly string[] Tombstones =
    [
        "\"predicates\": \"tomb\"",
        "\"predicates.tomb.type\": \"RecordIsTombstone\"",
    ];

    [Theory]
    [InlineData("payments", false, "")]
    [InlineData("refunds", false, "4111")]
    [InlineData("payments", true, "4111")]
    [InlineData("refunds", true, "")]
    public void MaskFieldUnderTopicNameMatches_MasksTheRecordsOfMatchingTopics(
        string topic,
        bool negate,
        string card
    )
    {
        var run = Run(
            Spec(
                "mask",
                [
                    "\"transforms.mask.type\": \"MaskField$Value\"",
                    "\"transforms.mask.fields\": \"id,note\"",
                    "\"transforms.mask.predicate\": \"pay\"",
                    "\"transforms.mask.negate\": \"" + (negate ? "true" : "false") + "\"",
                    .. PayTopics,
                ]
            )
        );

        var (output, _) = Apply(run, p => Set(p, "Id", "4111"), topic);

        Assert.Equal(card, output.GetType().GetProperty("Id")!.GetValue(output));
        // An optional field masks to its empty value when set, stays null when null.
        Assert.Null(output.GetType().GetProperty("Note")!.GetValue(output));
    }

    [Theory]
    [InlineData("payments", 1)]
    [InlineData("refunds", 0)]
    public void HeaderFromCopyUnderTopicNameMatches_AddsTheHeadersToMatchingTopicsOnly(
        string topic,
        int headers
    )
    {
        var run = Run(
            Spec(
                "copy",
                [
                    "\"transforms.copy.type\": \"HeaderFrom$Value\"",
                    "\"transforms.copy.fields\": \"id\"",
                    "\"transforms.copy.headers\": \"payment-id\"",
                    "\"transforms.copy.operation\": \"copy\"",
                    "\"transforms.copy.predicate\": \"pay\"",
                    .. PayTopics,
                ]
            )
        );

        var (output, added) = Apply(run, topic: topic);

        Assert.Equal(headers, added.Count);
        Assert.Equal("p-1", output.GetType().GetProperty("Id")!.GetValue(output));
    }

    [Fact]
    public void SchemaChangingStagesUnderNegatedRecordIsTombstone_ApplyToEveryRecordWithAValue()
    {
        var run = Run(
            Spec(
                "drop,insert",
                [
                    "\"transforms.drop.type\": \"ReplaceField$Value\"",
                    "\"transforms.drop.exclude\": \"cvv\"",
                    "\"transforms.drop.predicate\": \"tomb\"",
                    "\"transforms.drop.negate\": \"true\"",
                    "\"transforms.insert.type\": \"InsertField$Value\"",
                    "\"transforms.insert.static.field\": \"shop\"",
                    "\"transforms.insert.static.value\": \"north\"",
                    "\"transforms.insert.predicate\": \"tomb\"",
                    "\"transforms.insert.negate\": \"true\"",
                    .. Tombstones,
                ]
            )
        );

        var (output, _) = Apply(run);

        Assert.False(Has(output, "Cvv"));
        Assert.Equal("north", output.GetType().GetProperty("Shop")!.GetValue(output));
    }

    [Fact]
    public void StageUnderRecordIsTombstone_LeavesEveryRecordWithAValueAsItIs()
    {
        var run = Run(
            Spec(
                "drop",
                [
                    "\"transforms.drop.type\": \"ReplaceField$Value\"",
                    "\"transforms.drop.exclude\": \"cvv\"",
                    "\"transforms.drop.predicate\": \"tomb\"",
                    .. Tombstones,
                ]
            )
        );

        var (output, _) = Apply(run);

        Assert.Equal(123, output.GetType().GetProperty("Cvv")!.GetValue(output));
        // The alias leaves the run-time chain: the build compiled it (to nothing), with its predicate's keys.
        var worker = run.Source(
            run.HintNames.Single(h => h.EndsWith(".Payments.Worker.g.cs", StringComparison.Ordinal))
        );
        Assert.Contains(
            "new(\"predicates.tomb.type\", \"RecordIsTombstone\")",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains("}, \"drop\");", worker, StringComparison.Ordinal);
    }
}
