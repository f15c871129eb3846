using System.Globalization;
using System.Text.Json.Nodes;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Transforms;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// HeaderFrom$Value compiled on a source (payments-headers-source.connector.json), through the
/// generated worker on the embedded Kafka with the registry: InsertHeader at run time, then Cast,
/// HeaderFrom (move) and MaskField compiled into the value converter. At the topic each record has
/// the run-time header, then HeaderFrom's, written by the default SimpleHeaderConverter, and a value
/// without the moved fields, registered under <c>payments-headers-value</c>; the schemaless chain of
/// the same spec gives the same headers and the same value.
/// </summary>
public sealed class HeaderFromPipelineTests
{
    private const int Lines = 6;

    [Fact]
    public async Task FileSource_HeadersAndValuesAtTheTopic_AreTheSchemalessChains()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, "payments-headers");
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(i => Input(i).ToJsonString())
        );
        var source = new PaymentsHeadersSourceWorker(
            PaymentsHeadersSourceConfig.Parse(
                bed.Config(
                    PaymentsHeadersSourceConfig.SpecValues,
                    ("file", input),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var records = bed.Read("payments-headers");
        Assert.Equal(Lines, records.Count);
        var chain = Schemaless(PaymentsHeadersSourceConfig.SpecValues);
        // The output record's type, generated for the spec, for decoding.
        var sample = PaymentsHeadersSourceValueChain.Apply(
            "payments-headers",
            new Shop.Payment
            {
                Id = "p",
                Amount = 0,
                Card = "c",
                Cvv = 0,
            }
        );
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            var expected = chain.Apply(
                new ConnectRecord<string, JsonNode> { Topic = "payments-headers", Value = Input(i) }
            )!;
            Assert.Equal(
                HeaderTexts("payments-headers", expected.Headers),
                HeaderTexts(record.Message.Headers)
            );
            Assert.Equal(
                [
                    ("origin", "shop"),
                    ("payment-id", "p-" + i),
                    ("code", (100 + i).ToString(CultureInfo.InvariantCulture)),
                    ("remark", i % 2 == 0 ? "n" + i : null),
                ],
                HeaderTexts(record.Message.Headers)
            );
            var value = KeyChainPipelineTests.DecodeLike(sample, record.Message.Value!);
            Assert.Equal(Normalized(expected.Value!.ToJsonString()), Normalized(JsonOf(value)));
        }
        var schema = await bed.RegisteredSchemaAsync("payments-headers-value");
        Assert.Equal(["amount:\"double\"", "card:\"string\""], PipelineBed.FieldsOf(schema));
    }

    private static JsonObject Input(int i) =>
        new()
        {
            ["id"] = "p-" + i,
            ["amount"] = i + 0.5,
            ["card"] = "4111-" + i,
            ["cvv"] = 100 + i,
            ["note"] = i % 2 == 0 ? "n" + i : null,
        };
}
