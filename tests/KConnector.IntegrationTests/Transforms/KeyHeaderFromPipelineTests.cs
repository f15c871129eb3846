using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Transforms;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// HeaderFrom$Key compiled on a source (payments-keyheaders-source.connector.json), through the
/// generated worker on the embedded Kafka: ValueToKey makes the key a struct of the payment's id,
/// cvv and note, HeaderFrom$Key moves cvv and note to headers (through the default
/// SimpleHeaderConverter) and ExtractField$Key makes the key the id, written by the
/// StringConverter: the keys and headers of the schemaless chain of the same spec.
/// </summary>
public sealed class KeyHeaderFromPipelineTests
{
    private const string Topic = "payments-keyheaders";
    private const int Lines = 6;

    [Fact]
    public async Task FileSource_KeysAndHeadersAtTheTopic_AreTheSchemalessChains()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, Topic);
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(RegisteredPayments.Line)
        );
        var source = new PaymentsKeyheadersSourceWorker(
            PaymentsKeyheadersSourceConfig.Parse(
                bed.Config(PaymentsKeyheadersSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var records = bed.Read(Topic);
        Assert.Equal(Lines, records.Count);
        var chain = Schemaless(PaymentsKeyheadersSourceConfig.SpecValues);
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            var expected = chain.Apply(
                new ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = Topic,
                    Value = JsonNode.Parse(RegisteredPayments.Line(i)),
                }
            )!;
            Assert.Equal(
                expected.Key!.GetValue<string>(),
                Encoding.UTF8.GetString(record.Message.Key!)
            );
            Assert.Equal(HeaderTexts(Topic, expected.Headers), HeaderTexts(record.Message.Headers));
            Assert.Equal(
                [
                    ("code", (100 + i).ToString(CultureInfo.InvariantCulture)),
                    ("remark", i % 2 == 0 ? "n" + i : null),
                ],
                HeaderTexts(record.Message.Headers)
            );
        }
    }
}
