using System.Text;
using System.Text.Json.Nodes;
using KConnector.Avro;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.OwnKey;
using KConnector.Transforms;

namespace KConnector.IntegrationTests.Transforms.Primitive;

/// <summary>
/// A compiled chain whose outputs are Connect primitives, through the road a spec takes (generated
/// config and worker) on the embedded Kafka (payments-primitive-source.connector.json):
/// <c>ExtractField$Value</c> makes each payment's value its amount (a double), a whole-value
/// <c>Cast$Value</c> makes it an int64, <c>ExtractField$Key</c> makes the key the key's seq (an
/// int). The AvroConverter registers the primitive schemas as Confluent's AvroData writes them
/// (<c>"long"</c> under <c>{topic}-value</c>, <c>"int"</c> under <c>{topic}-key</c>) and writes the
/// primitives in Confluent's wire format; the JsonConverter writes Connect's envelope of the
/// primitive, or the bare number. The records equal the schemaless (run-time) chain's of the spec.
/// </summary>
public sealed class PrimitiveChainPipelineTests
{
    private const int Payments = 8;
    private const string Topic = "payments-primitive";

    [Fact]
    public async Task AvroConverter_RegistersThePrimitiveSchemas_AndWritesThePrimitives()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, Topic);
        var source = new PaymentsPrimitiveSourceWorker(
            PaymentsPrimitiveSourceConfig.Parse(
                bed.Config(
                    PaymentsPrimitiveSourceConfig.SpecValues,
                    ("key.converter.schema.registry.url", bed.RegistryUrl),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Payments);

        var records = bed.Read(Topic);
        Assert.Equal(Payments, records.Count);
        var valueId = SchemaIdOf(records[0].Message.Value!);
        var keyId = SchemaIdOf(records[0].Message.Key!);
        foreach (var (record, n) in records.Select((r, n) => (r, n)))
        {
            var (key, value) = Schemaless(n);
            Assert.Equal(valueId, SchemaIdOf(record.Message.Value!));
            Assert.Equal(keyId, SchemaIdOf(record.Message.Key!));
            Assert.Equal(value, AvroLong(record.Message.Value!).ToString(Invariant));
            Assert.Equal(key, AvroLong(record.Message.Key!).ToString(Invariant));
            Assert.Equal(n.ToString(Invariant), value);
        }
        Assert.Equal(
            "\"long\"",
            (await bed.RegisteredSchemaAsync(Topic + "-value")).ToJsonString()
        );
        Assert.Equal("\"int\"", (await bed.RegisteredSchemaAsync(Topic + "-key")).ToJsonString());
    }

    /// <summary>
    /// The file source's spec (payments-amount-source, which <c>kconnector run</c> runs in the
    /// Cli.Tests): ValueToKey + ExtractField$Key make the key the int cvv, the value is the amount
    /// cast to int64; the same records as the schemaless chain's.
    /// </summary>
    [Fact]
    public async Task FileSource_KeyFromAValueNumber_ValueTheCastAmount()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, "payments-amount");
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Payments).Select(RegisteredPayments.Line)
        );
        var source = new PaymentsAmountSourceWorker(
            PaymentsAmountSourceConfig.Parse(
                bed.Config(
                    PaymentsAmountSourceConfig.SpecValues,
                    ("file", input),
                    ("key.converter.schema.registry.url", bed.RegistryUrl),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Payments);

        await AssertAmountRecordsAsync(bed, Payments);
    }

    /// <summary>
    /// payments-amount holds <paramref name="payments"/> records, each the key and value the
    /// schemaless chain of payments-amount-source makes of its payment (the int cvv, the amount
    /// cast to int64) in Avro, and <c>"int"</c> / <c>"long"</c> are registered for them.
    /// </summary>
    internal static async Task AssertAmountRecordsAsync(PipelineBed bed, int payments)
    {
        const string topic = "payments-amount";
        var records = bed.Read(topic);
        Assert.Equal(payments, records.Count);
        var schemaless = ChainJson.Schemaless(PaymentsAmountSourceConfig.SpecValues);
        foreach (var (record, n) in records.Select((r, n) => (r, n)))
        {
            var expected = schemaless.Apply(
                new ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = topic,
                    Value = JsonNode.Parse(RegisteredPayments.Line(n)),
                }
            )!;
            Assert.Equal(
                expected.Key!.ToJsonString(),
                AvroLong(record.Message.Key!).ToString(Invariant)
            );
            Assert.Equal(
                expected.Value!.ToJsonString(),
                AvroLong(record.Message.Value!).ToString(Invariant)
            );
            Assert.Equal((100 + n).ToString(Invariant), expected.Key!.ToJsonString());
        }
        Assert.Equal("\"int\"", (await bed.RegisteredSchemaAsync(topic + "-key")).ToJsonString());
        Assert.Equal(
            "\"long\"",
            (await bed.RegisteredSchemaAsync(topic + "-value")).ToJsonString()
        );
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JsonConverter_WritesThePrimitive_InConnectsEnvelopeOrBare(bool schemas)
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, Topic);
        var json = "org.apache.kafka.connect.json.JsonConverter";
        var enable = schemas ? "true" : "false";
        var source = new PaymentsPrimitiveSourceWorker(
            PaymentsPrimitiveSourceConfig.Parse(
                bed.Config(
                    PaymentsPrimitiveSourceConfig.SpecValues,
                    ("key.converter", json),
                    ("key.converter.schemas.enable", enable),
                    ("value.converter", json),
                    ("value.converter.schemas.enable", enable)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Payments);

        var records = bed.Read(Topic);
        Assert.Equal(Payments, records.Count);
        foreach (var (record, n) in records.Select((r, n) => (r, n)))
        {
            var (key, value) = Schemaless(n);
            Assert.Equal(
                schemas
                    ? "{\"schema\":{\"type\":\"int64\",\"optional\":false},\"payload\":"
                        + value
                        + "}"
                    : value,
                Encoding.UTF8.GetString(record.Message.Value!)
            );
            Assert.Equal(
                schemas
                    ? "{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":" + key + "}"
                    : key,
                Encoding.UTF8.GetString(record.Message.Key!)
            );
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void CompiledChains_GiveTheSchemalessChainsKeyAndValue(int n)
    {
        var payment = Payment(n);
        var (key, value) = Schemaless(n);
        Assert.Equal(
            value,
            PaymentsPrimitiveSourceValueChain.Apply(Topic, payment)!.Value.ToString(Invariant)
        );
        Assert.Equal(
            key,
            PaymentsPrimitiveSourceKeyChain
                .Apply(Topic, KeyedPaymentsSource.KeyNumber(n))!
                .Value.ToString(Invariant)
        );
    }

    private static readonly IFormatProvider Invariant = System
        .Globalization
        .CultureInfo
        .InvariantCulture;

    // Payment n as KeyedPaymentsSource produces it.
    private static Shop.Payment Payment(int n) =>
        new()
        {
            Id = KeyedPaymentsSource.KeyNumber(n).Id,
            Amount = n + 0.5,
            Card = "4111-" + n.ToString(Invariant),
            Cvv = 100 + n,
        };

    // The key and value the run-time chain of the spec's transforms makes of payment n, as JSON.
    private static (string Key, string Value) Schemaless(int n)
    {
        var record = ChainJson
            .Schemaless(PaymentsPrimitiveSourceConfig.SpecValues)
            .Apply(
                new ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = Topic,
                    Key = JsonNode.Parse(ChainJson.JsonOf(KeyedPaymentsSource.KeyNumber(n))),
                    Value = JsonNode.Parse(ChainJson.JsonOf(Payment(n))),
                }
            )!;
        return (record.Key!.ToJsonString(), record.Value!.ToJsonString());
    }

    private static int SchemaIdOf(byte[] framed)
    {
        Assert.Equal(0, framed[0]);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(framed.AsSpan(1, 4));
    }

    // The Avro long (or int: the same zig-zag varint) after Confluent's magic byte and schema id.
    private static long AvroLong(byte[] framed)
    {
        var reader = new AvroReader(framed.AsSpan(5));
        var value = reader.ReadLong("value");
        reader.ExpectEnd("value");
        return value;
    }
}
