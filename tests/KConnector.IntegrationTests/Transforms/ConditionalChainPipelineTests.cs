using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Transforms;
using KConnector.Transforms.Compiled;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Compiled stages under predicates (payments-conditional-source.connector.json): ReplaceField
/// under a negated RecordIsTombstone, MaskField under TopicNameMatches, HeaderFrom copy under the
/// negated TopicNameMatches, all compiled into the value converter. The generated chain gives, for
/// a topic the predicate matches and one it does not, the record and headers the schemaless chain
/// of the same spec gives; the generated worker writes them to the topic on the embedded Kafka.
/// </summary>
public sealed class ConditionalChainPipelineTests
{
    private const int Lines = 4;

    [Theory]
    [InlineData("payments-conditional")]
    [InlineData("refunds")]
    public void CompiledAndSchemalessChains_GiveTheSameRecordAndHeaders(string topic)
    {
        var payment = new Shop.Payment
        {
            Id = "p-1",
            Amount = 1.5,
            Card = "4111-1",
            Cvv = 101,
        };
        var compiled = PaymentsConditionalSourceValueChain.Apply(topic, payment);
        var headers = new Headers();
        PaymentsConditionalSourceValueChain.Headers(
            topic,
            payment,
            new CompiledHeaderSink(headers, new SimpleHeaderConverter(), topic)
        );

        var schemaless = Schemaless(PaymentsConditionalSourceConfig.SpecValues)
            .Apply(
                new ConnectRecord<string, JsonNode>
                {
                    Topic = topic,
                    Value = JsonNode.Parse(Input(1))!,
                }
            )!;

        Assert.Equal(Normalized(schemaless.Value!.ToJsonString()), Normalized(JsonOf(compiled)));
        Assert.Equal(HeaderTexts(topic, schemaless.Headers), HeaderTexts(headers));
        // The topic decides: masked without a header on the matching topic, the reverse elsewhere.
        Assert.Equal(topic == "refunds" ? "4111-1" : string.Empty, compiled.Card);
        Assert.Equal(topic == "refunds" ? 1 : 0, headers.Count);
    }

    [Fact]
    public async Task FileSource_RecordsAtTheTopic()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: false,
            "payments-conditional"
        );
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(Input)
        );
        var source = new PaymentsConditionalSourceWorker(
            PaymentsConditionalSourceConfig.Parse(
                bed.Config(PaymentsConditionalSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var records = bed.Read("payments-conditional");
        Assert.Equal(Lines, records.Count);
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            // The JsonConverter without schemas: the value is the record.
            var payload = JsonNode.Parse(record.Message.Value)!;
            Assert.Equal(
                Normalized($$"""{"id":"p-{{i}}","amount":{{i}}.5,"card":"","note":null}"""),
                Normalized(payload.ToJsonString())
            );
            Assert.Empty(record.Message.Headers);
        }
    }

    private static string Input(int i) =>
        $$"""{"id": "p-{{i}}", "amount": {{i}}.5, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": null}""";
}
