using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Avro;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Kafka;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Keys compiled at build time on a source, through the road a spec takes (generated config and
/// worker) on the embedded Kafka: Connect's "key from a value field" recipe (ValueToKey, then
/// ReplaceField$Key and ExtractField$Key: payments-keyed-source.connector.json) writes each
/// payment's id as its key; ValueToKey + Cast$Key + MaskField$Key with an Avro key converter
/// (payments-keyrecord-source.connector.json) registers the key's derived schema under
/// <c>{topic}-key</c>, as Connect's AvroData names an unnamed struct. The compiled key equals the
/// key the schemaless (run-time) chain of the same spec makes.
/// </summary>
public sealed class KeyChainPipelineTests
{
    private const int Lines = 8;

    [Fact]
    public async Task ValueToKeyThenExtractField_EachRecordsKeyIsItsPaymentId()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, "payments-keyed");
        var input = await WriteInputAsync(bed);
        var source = new PaymentsKeyedSourceWorker(
            PaymentsKeyedSourceConfig.Parse(
                bed.Config(PaymentsKeyedSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var records = bed.Read("payments-keyed");
        Assert.Equal(
            Enumerable.Range(0, Lines).Select(i => "p-" + i),
            records.Select(r => Encoding.UTF8.GetString(r.Message.Key!))
        );
        // Only key stages compiled: the value is the task's, unchanged.
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            var reader = new AvroReader(record.Message.Value.AsSpan(5));
            Assert.Equal("4111-" + i, Payment.Decode(ref reader).Card);
        }
    }

    [Fact]
    public async Task ValueToKeyWithKeyStages_KeyRecordsAndTheirDerivedSchemaAreRegistered()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: true,
            "payments-keyrecord"
        );
        var input = await WriteInputAsync(bed);
        var source = new PaymentsKeyrecordSourceWorker(
            PaymentsKeyrecordSourceConfig.Parse(
                bed.Config(
                    PaymentsKeyrecordSourceConfig.SpecValues,
                    ("file", input),
                    ("key.converter.schema.registry.url", bed.RegistryUrl),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);

        var records = bed.Read("payments-keyrecord");
        Assert.Equal(Lines, records.Count);
        var sample = PaymentsKeyrecordSourceKeyChain.Apply("payments-keyrecord", PaymentOf(0));
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            Assert.Equal(0, record.Message.Key![0]);
            var key = DecodeLike(sample, record.Message.Key);
            Assert.Equal(PaymentChainRecords.KeyRecord(i), Normalized(JsonOf(key)));
            var reader = new AvroReader(record.Message.Value.AsSpan(5));
            Assert.Equal(string.Empty, Payment.Decode(ref reader).Card);
        }
        var schema = await bed.RegisteredSchemaAsync("payments-keyrecord-key");
        Assert.Equal("io.confluent.connect.avro", schema["namespace"]!.GetValue<string>());
        Assert.Equal("ConnectDefault", schema["name"]!.GetValue<string>());
        Assert.Equal(
            ["id:\"string\"", "cvv:\"string\"", "note:[\"null\",\"string\"]"],
            PipelineBed.FieldsOf(schema)
        );
    }

    /// <summary>
    /// The compiled key and the key the schemaless (JsonNode) chain of the same spec makes are the
    /// same, field for field; a record without a value keeps the task's key in both.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void CompiledAndSchemalessKeys_AreTheSame(int i)
    {
        var payment = PaymentOf(i);
        var compiled = PaymentsKeyrecordSourceKeyChain.Apply("payments-keyrecord", payment);
        var chain = ChainJson.Schemaless(PaymentsKeyrecordSourceConfig.SpecValues);
        var schemaless = chain.Apply(
            new KConnector.Transforms.ConnectRecord<JsonNode, JsonNode>
            {
                Topic = "payments-keyrecord",
                Value = JsonNode.Parse(RegisteredPayments.Line(i))!,
            }
        )!;
        Assert.Equal(Normalized(schemaless.Key!.ToJsonString()), Normalized(JsonOf(compiled)));

        var keyed = PaymentsKeyedSourceKeyChain.Apply("payments-keyed", payment);
        var extracted = ChainJson
            .Schemaless(PaymentsKeyedSourceConfig.SpecValues)
            .Apply(
                new KConnector.Transforms.ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = "payments-keyed",
                    Value = JsonNode.Parse(RegisteredPayments.Line(i))!,
                }
            )!;
        Assert.Equal(extracted.Key!.GetValue<string>(), keyed);
    }

    private static Task<string> WriteInputAsync(PipelineBed bed) =>
        bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Lines).Select(RegisteredPayments.Line)
        );

    internal static Payment PaymentOf(int i) =>
        new()
        {
            Id = "p-" + i,
            Amount = i + 0.5,
            Card = "4111-" + i,
            Cvv = 100 + i,
            Note = i % 2 == 0 ? "n" + i : null,
        };

    // The key as the generated key record (Confluent's framing: magic byte, 4-byte schema id).
    internal static T DecodeLike<T>(T sample, byte[] bytes)
        where T : IAvroRecord<T>
    {
        _ = sample;
        Assert.Equal(0, bytes[0]);
        var reader = new AvroReader(bytes.AsSpan(5));
        return T.Decode(ref reader);
    }
}
