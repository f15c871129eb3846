using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Kafka;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Issue 15's chain compiled at build time, through the road a spec takes (generated config and
/// worker): the file source spec (payments-compiled-source.connector.json) runs InsertField,
/// ReplaceField, Cast and SetSchemaMetadata as generated code in its value converter, after RegexRouter; the
/// registry holds the transformed schema under the routed topic's subject, and a sink spec reading
/// that schema writes the transformed records.
/// </summary>
public sealed class CompiledChainPipelineTests
{
    private const int Lines = 12;

    [Fact]
    public async Task FileSourceToFileSink_TransformedRecordsAndSchema()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, "payments-compiled");
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(Line)
        );
        var output = bed.PathOf("out.jsonl");
        var source = new PaymentsCompiledSourceWorker(
            PaymentsCompiledSourceConfig.Parse(
                bed.Config(
                    PaymentsCompiledSourceConfig.SpecValues,
                    ("file", input),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);
        var sink = new PaymentsTransformedSinkWorker(
            PaymentsTransformedSinkConfig.Parse(
                bed.Config(
                    PaymentsTransformedSinkConfig.SpecValues,
                    ("file", output),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => PipelineBed.LineCount(output) >= Lines);

        Assert.Equal(Lines, source.RecordsProcessed);
        var written = await File.ReadAllLinesAsync(output);
        Assert.Equal(Enumerable.Range(0, Lines).Select(Expected), written.Select(Normalized));
        var schema = await bed.RegisteredSchemaAsync("payments-compiled-value");
        Assert.Equal(
            "KConnector.IntegrationTests.Transforms.Shop",
            schema["namespace"]!.GetValue<string>()
        );
        Assert.Equal("PaymentOut", schema["name"]!.GetValue<string>());
        Assert.Equal(
            [
                "id:\"string\"",
                "amount:\"string\"",
                "pan:\"string\"",
                "note:[\"null\",\"string\"]",
                "source:[\"null\",\"string\"]",
            ],
            PipelineBed.FieldsOf(schema)
        );
    }

    /// <summary>
    /// A compiled Cast that fails (an id that is no int64) is a record error at stage
    /// TRANSFORMATION naming Cast$Value, as at run time: under errors.tolerance=all the record goes
    /// to the dead-letter queue as the task produced it (its own .avsc, avro-binary) and the others
    /// reach the topic.
    /// </summary>
    [Fact]
    public async Task CompiledCastFailure_IsATransformationError_DeadLetteredAsProduced()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: false,
            "payments-cast",
            "payments-cast-dlq"
        );
        string[] ids = ["1", "2", "x3", "4", "5y", "6"];
        var input = await bed.WriteLinesAsync(
            "cast.jsonl",
            ids.Select(id => $$"""{"id": "{{id}}", "amount": 1.5, "card": "c", "cvv": 1}""")
        );
        var source = new PaymentsCastSourceWorker(
            PaymentsCastSourceConfig.Parse(
                bed.Config(PaymentsCastSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync(
            [source],
            () => source.RecordsProcessed >= 4 && bed.Count("payments-cast-dlq") >= 2
        );

        Assert.Equal(4, bed.Read("payments-cast").Count);
        var dead = bed.Read("payments-cast-dlq");
        Assert.Equal(2, dead.Count);
        foreach (var (record, id) in dead.Zip(new[] { "x3", "5y" }))
        {
            var headers = PipelineBed.HeadersOf(record);
            Assert.Equal("TRANSFORMATION", headers["__connect.errors.stage"]);
            Assert.Equal("KConnector.Transforms.CastValue", headers["__connect.errors.class.name"]);
            Assert.Equal(
                $"Cast to int64 failed: For input string: \"{id}\"",
                headers["__connect.errors.exception.message"]
            );
            Assert.Equal("avro-binary", headers["__kconnector.errors.value.encoding"]);
            var reader = new KConnector.Avro.AvroReader(record.Message.Value);
            var produced = Payment.Decode(ref reader);
            Assert.Equal(id, produced.Id);
        }
    }

    /// <summary>
    /// The compiled chain and the schemaless (JsonNode) chain of the same spec's keys give the same
    /// record for the same input, field for field (numbers cast to string as Java writes them).
    /// </summary>
    [Theory]
    [InlineData(12.5, "x")]
    [InlineData(10.0, null)]
    [InlineData(-0.125, "")]
    [InlineData(1e21, "big")]
    public void CompiledAndSchemalessChains_GiveTheSameRecord(double amount, string? note)
    {
        var payment = new Payment
        {
            Id = "p-1",
            Amount = amount,
            Card = "4111-1111",
            Cvv = 123,
            Note = note,
        };
        var compiled = PaymentsCompiledSourceValueChain.Apply("payments", payment);

        // SetSchemaMetadata needs a schema (Connect fails it on schemaless records); it renames
        // the schema only, so the values compare without it.
        var chain = ChainJson.Schemaless(
            PaymentsCompiledSourceConfig.SpecValues,
            "insert,rename,cast,route"
        );
        var schemaless = chain.Apply(
            new KConnector.Transforms.ConnectRecord<string, JsonNode>
            {
                Topic = "payments",
                // The record as Connect's JsonConverter (schemas.enable=false) would read the same
                // payment: a real number stays a real number.
                Value = new JsonObject
                {
                    ["id"] = payment.Id,
                    ["amount"] = payment.Amount,
                    ["card"] = payment.Card,
                    ["cvv"] = payment.Cvv,
                    ["note"] = payment.Note,
                },
            }
        )!;

        Assert.Equal("payments-compiled", schemaless.Topic);
        Assert.Equal(Normalized(schemaless.Value!.ToJsonString()), Normalized(JsonOf(compiled)));
    }

    private static string Line(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"id": "p-{{i}}", "amount": {{(i % 3 == 0 ? i + ".0" : i + 0.25)}}, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": {{(i % 2 == 0 ? "\"n" + i + "\"" : "null")}}}"""
        );

    private static string Expected(int i) =>
        Normalized(
            string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"id": "p-{{i}}", "amount": "{{(i % 3 == 0 ? i + ".0" : (i + 0.25).ToString(CultureInfo.InvariantCulture))}}", "pan": "4111-{{i}}", "note": {{(i % 2 == 0 ? "\"n" + i + "\"" : "null")}}, "source": "shop"}"""
            )
        );
}
