using System.Text.Json.Nodes;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Transforms;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Schema-changing stages under TopicNameMatches decided at build time
/// (payments-topic-decided-source.connector.json): the file source writes every record to its
/// <c>topic</c>, which the predicate matches, so ReplaceField is compiled in and the negated Cast
/// out; the RegexRouter after them routes the record, as Connect's chain does after the predicate
/// saw the configured topic. The compiled record equals the schemaless chain's of the same spec;
/// the generated worker writes it to the routed topic on the embedded Kafka.
/// </summary>
public sealed class TopicDecidedPipelineTests
{
    private const int Lines = 4;

    [Fact]
    public void CompiledAndSchemalessChains_GiveTheSameRecordAndTopic()
    {
        var payment = new Shop.Payment
        {
            Id = "p-1",
            Amount = 1.5,
            Card = "4111-1",
            Cvv = 101,
        };
        // The converter is given the routed topic: the build decided the predicate on the configured one.
        var compiled = PaymentsTopicDecidedSourceValueChain.Apply("payments-routed", payment);

        var schemaless = Schemaless(PaymentsTopicDecidedSourceConfig.SpecValues)
            .Apply(
                new ConnectRecord<string, JsonNode>
                {
                    Topic = "payments-decided",
                    Value = JsonNode.Parse(Input(1))!,
                }
            )!;

        Assert.Equal("payments-routed", schemaless.Topic);
        Assert.Equal(Normalized(schemaless.Value!.ToJsonString()), Normalized(JsonOf(compiled)));
    }

    [Fact]
    public async Task FileSource_RecordsAtTheRoutedTopic_WithoutCvv_AmountUncast()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, "payments-routed");
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(Input)
        );
        var source = new PaymentsTopicDecidedSourceWorker(
            PaymentsTopicDecidedSourceConfig.Parse(
                bed.Config(PaymentsTopicDecidedSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var records = bed.Read("payments-routed");
        Assert.Equal(Lines, records.Count);
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            Assert.Equal(
                Normalized(
                    $$"""{"id":"p-{{i}}","amount":{{i}}.5,"card":"4111-{{i}}","note":null}"""
                ),
                Normalized(JsonNode.Parse(record.Message.Value)!.ToJsonString())
            );
        }
    }

    [Fact]
    public async Task HostOverridingTheTopic_FailsToStart_NamingTheKey()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddPaymentsTopicDecidedSourceConnector(values =>
        {
            values["file"] = "never.jsonl";
            // The build decided the predicate on payments-decided: refunds would not match it.
            values["topic"] = "refunds";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KConnector.Configuration.ConfigValidationException>(
            () =>
                host.StartAsync()
        );

        Assert.Equal("topic", Assert.Single(error.Issues).Key);
    }

    private static string Input(int i) =>
        $$"""{"id": "p-{{i}}", "amount": {{i}}.5, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": null}""";
}
