using KConnector.Generator.Tests.Infrastructure;
using static KConnector.Generator.Tests.Transforms.CompiledRun;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A stage that changes the schema (or a <c>$Key</c> stage) under TopicNameMatches where the build
/// knows the topics it sees (docs/transforms.md, "Compiled stages under a predicate"): a
/// FileStreamSource's <c>topic</c>, a sink's <c>topics</c>, no router or user transformation before
/// it. The build decides the predicate: the stage is compiled in (as if unconditional) or out (to
/// nothing), and the topic key is compiled with the chain. The generated code is compiled, loaded and
/// run; where the build cannot decide it stays KCN0258 at the stage's type, saying why.
/// </summary>
public class TopicDecidedAtBuildTests
{
    private static readonly string[] PayTopics =
    [
        "\"predicates\": \"pay\"",
        "\"predicates.pay.type\": \"org.apache.kafka.connect.transforms.predicates.TopicNameMatches\"",
        "\"predicates.pay.pattern\": \"pay.*\"",
    ];

    // ReplaceField (drops cvv) and Cast (amount to string) under "pay", negated or not; line 9 is drop's type.
    private static string[] DropAndCast(bool negate) =>
        [
            "\"transforms.drop.type\": \"ReplaceField$Value\"",
            "\"transforms.drop.exclude\": \"cvv\"",
            "\"transforms.drop.predicate\": \"pay\"",
            "\"transforms.drop.negate\": \"" + (negate ? "true" : "false") + "\"",
            "\"transforms.cast.type\": \"Cast$Value\"",
            "\"transforms.cast.spec\": \"amount:string\"",
            "\"transforms.cast.predicate\": \"pay\"",
            "\"transforms.cast.negate\": \"" + (negate ? "true" : "false") + "\"",
            .. PayTopics,
        ];

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", KeyChainSpecs.Payment)
            .AddSchema("payments.connector.json", spec)
            .Run();

    private static string Hint(GeneratorRun run, string suffix) =>
        run.Source(run.HintNames.Single(h => h.EndsWith(suffix, StringComparison.Ordinal)));

    // The chain run on a payment read from (or written to) "payments".
    private static object ApplyToPayment(GeneratorRun run)
    {
        var assembly = Load(run);
        var payment = New(assembly, "Shop.Pay.Payment");
        Set(payment, "Id", "p-1");
        Set(payment, "Amount", 12.5);
        Set(payment, "Card", "4111");
        Set(payment, "Cvv", 123);
        return Apply(assembly, "PaymentsValueChain", "payments", payment);
    }

    [Theory]
    [InlineData("FileStreamSource")]
    [InlineData("FileStreamSink")]
    public void TopicTheBuildKnowsMatches_StagesApplyToEveryRecord(string connector)
    {
        var run = Run(KeyChainSpecs.Spec(connector, "drop,cast", DropAndCast(negate: false)));

        var output = ApplyToPayment(run);

        Assert.Null(output.GetType().GetProperty("Cvv"));
        Assert.Equal("12.5", Get(output, "Amount"));
        Assert.Equal("4111", Get(output, "Card"));
        // Decided on the topic: no per-record test, and the topic is compiled with the stages.
        Assert.DoesNotContain(
            "CompiledTopicPredicate",
            Hint(run, ".ValueChain.g.cs"),
            StringComparison.Ordinal
        );
        var topicKey = connector == "FileStreamSink" ? "topics" : "topic";
        Assert.Contains(
            "new(\"" + topicKey + "\", \"payments\")",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("FileStreamSource")]
    [InlineData("FileStreamSink")]
    public void TopicTheBuildKnowsMatches_NegatedStagesCompileToNothing(string connector)
    {
        var run = Run(KeyChainSpecs.Spec(connector, "drop,cast", DropAndCast(negate: true)));

        var output = ApplyToPayment(run);

        Assert.Equal(123, Get(output, "Cvv"));
        Assert.Equal(12.5, Get(output, "Amount"));
        // Both aliases leave the run-time chain: the build compiled them (to nothing).
        Assert.Contains(
            "}, \"drop\", \"cast\");",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SinkReadingTopicsThatAllMatch_AppliesTheStage()
    {
        var spec = KeyChainSpecs
            .Spec("FileStreamSink", "drop,cast", DropAndCast(negate: false))
            .Replace(
                "\"topics\": \"payments\"",
                "\"topics\": [\"payments\", \"payouts\"]",
                StringComparison.Ordinal
            );

        var output = ApplyToPayment(Run(spec));

        Assert.Null(output.GetType().GetProperty("Cvv"));
        Assert.Equal("12.5", Get(output, "Amount"));
    }

    [Fact]
    public void KeyStageUnderAMatchingTopic_BuildsTheKey()
    {
        var run = Run(
            KeyChainSpecs.Spec(
                "FileStreamSource",
                "tokey,extract",
                [
                    "\"transforms.tokey.type\": \"ValueToKey\"",
                    "\"transforms.tokey.fields\": \"id\"",
                    "\"transforms.tokey.predicate\": \"pay\"",
                    "\"transforms.extract.type\": \"ExtractField$Key\"",
                    "\"transforms.extract.field\": \"id\"",
                    "\"transforms.extract.predicate\": \"pay\"",
                    .. PayTopics,
                ]
            )
        );

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains("return value.Id;", Hint(run, ".KeyChain.g.cs"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string> Undecided =>
        new()
        {
            // name, spec, 1-based line, text the message must contain
            {
                "a router before the stage",
                KeyChainSpecs.Spec(
                    "FileStreamSource",
                    "route,drop",
                    [
                        "\"transforms.route.type\": \"RegexRouter\"",
                        "\"transforms.route.regex\": \"(.*)\"",
                        "\"transforms.route.replacement\": \"$1-copy\"",
                        "\"transforms.drop.type\": \"ReplaceField$Value\"",
                        "\"transforms.drop.exclude\": \"cvv\"",
                        "\"transforms.drop.predicate\": \"pay\"",
                        .. PayTopics,
                    ]
                ),
                12,
                "ReplaceField changes the record's schema: a compiled chain has one output schema, which the records the predicate skips would not have; the build decides it only where it knows the topic, and here \"route\" before it may change the topic the predicate sees"
            },
            {
                "a sink reading topics.regex",
                KeyChainSpecs
                    .Spec(
                        "FileStreamSink",
                        "drop",
                        DropAndCast(negate: false)[..3].Concat(PayTopics).ToArray()
                    )
                    .Replace(
                        "\"topics\": \"payments\"",
                        "\"topics.regex\": \"pay.*\"",
                        StringComparison.Ordinal
                    ),
                9,
                "the sink reads topics.regex, so the build does not know its topics"
            },
            {
                "a sink reading a topic that matches and one that does not",
                KeyChainSpecs
                    .Spec(
                        "FileStreamSink",
                        "drop",
                        DropAndCast(negate: false)[..3].Concat(PayTopics).ToArray()
                    )
                    .Replace(
                        "\"topics\": \"payments\"",
                        "\"topics\": \"payments,refunds\"",
                        StringComparison.Ordinal
                    ),
                9,
                "of the topics the sink reads, payments match and refunds do not, so its records would need two output schemas"
            },
            {
                "a $Key stage the predicate skips on every record",
                KeyChainSpecs.Spec(
                    "FileStreamSource",
                    "tokey",
                    [
                        "\"transforms.tokey.type\": \"ValueToKey\"",
                        "\"transforms.tokey.fields\": \"id\"",
                        "\"transforms.tokey.predicate\": \"pay\"",
                        "\"transforms.tokey.negate\": \"true\"",
                        .. PayTopics,
                    ]
                ),
                9,
                "\"tokey\" has a predicate (TopicNameMatches), which skips every record the stage sees"
            },
        };

    [Fact]
    public void AttributeSourceWhoseTaskNamesTheTopic_IsKcn0258AtTheStage()
    {
        var run = CompiledHeaderFromTests.Run(
            CompiledHeaderFromTests.Spec(
                "drop",
                DropAndCast(negate: false)[..3].Concat(PayTopics).ToArray()
            )
        );

        Reported(
            run,
            "KCN0258",
            6,
            "the task names each record's topic (the build knows the topic of a FileStreamSource only)"
        );
    }

    [Theory]
    [MemberData(nameof(Undecided))]
    public void PredicateTheBuildCannotDecide_IsKcn0258AtTheStage(
        string name,
        string spec,
        int line,
        string fragment
    )
    {
        var run = Run(spec);

        Assert.True(
            run.Diagnostics.Any(d =>
                d.Id == "KCN0258"
                && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line
                && d.GetMessage().Contains(fragment, StringComparison.Ordinal)
            ),
            name
                + ": "
                + string.Join(
                    "; ",
                    run.Diagnostics.Select(d =>
                        d.Id
                        + "@"
                        + (d.Location.GetLineSpan().StartLinePosition.Line + 1)
                        + " "
                        + d.GetMessage()
                    )
                )
        );
    }
}
