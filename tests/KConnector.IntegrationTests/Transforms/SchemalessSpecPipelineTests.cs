using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.IntegrationTests.Specs;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Kafka Connect's most common config through the road a spec takes (generated config and worker) on
/// the embedded Kafka: payments-schemaless-sink.connector.json names no value.schema, reads JSON with
/// the JsonConverter (schemas.enable=false) and runs MaskField, ReplaceField and InsertField at run
/// time into the file sink. A record that is not JSON is a VALUE_CONVERTER error whose dead-letter
/// copy is the consumed record, bytes unchanged.
/// </summary>
public sealed class SchemalessSpecPipelineTests
{
    private const string Topic = "payments-json";
    private const string DeadLetters = "payments-json-dlq";

    [Fact]
    public async Task FileSinkSpec_WritesTheTransformedJson()
    {
        await using var bed = await PipelineBed.StartAsync(false, Topic, DeadLetters);
        var values = Enumerable.Range(0, 6).Select(Payment).ToList();
        Produce(bed, values.Select(v => Encoding.UTF8.GetBytes(v.ToJsonString())));
        var output = bed.PathOf("out.jsonl");

        await RunSinkAsync(bed, output, () => PipelineBed.LineCount(output) >= values.Count);

        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(values.Count, lines.Count);
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            AssertTransformed(values[index], line, index);
        }
        Assert.Equal(0, bed.Count(DeadLetters));
    }

    [Fact]
    public async Task RecordThatIsNotJson_IsAValueConverterError_DeadLetteredIntact()
    {
        await using var bed = await PipelineBed.StartAsync(false, Topic, DeadLetters);
        var corrupt = Encoding.UTF8.GetBytes("{\"id\": \"p1\", \"card\": ");
        Produce(
            bed,
            [
                Encoding.UTF8.GetBytes(Payment(0).ToJsonString()),
                corrupt,
                Encoding.UTF8.GetBytes(Payment(2).ToJsonString()),
            ]
        );
        var output = bed.PathOf("out.jsonl");

        await RunSinkAsync(
            bed,
            output,
            () => PipelineBed.LineCount(output) >= 2 && bed.Count(DeadLetters) >= 1
        );

        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, lines.Count);
        AssertTransformed(Payment(0), lines[0], 0);
        AssertTransformed(Payment(2), lines[1], 2);
        var dead = Assert.Single(bed.Read(DeadLetters));
        var headers = PipelineBed.HeadersOf(dead);
        Assert.Equal("VALUE_CONVERTER", headers["__connect.errors.stage"]);
        Assert.Equal("1", headers["__connect.errors.offset"]);
        Assert.Equal(Topic, headers["__connect.errors.topic"]);
        Assert.Equal(corrupt, dead.Message.Value);
        Assert.Equal(Key(1), dead.Message.Key);
    }

    // Connect's chain: card and cvv masked (a string to "", a number to 0), amount renamed total,
    // note excluded, the topic, the consumed offset and the static field inserted; nested data kept.
    private static void AssertTransformed(JsonObject input, JsonNode line, long offset)
    {
        var expected = new JsonObject
        {
            ["id"] = input["id"]!.DeepClone(),
            ["total"] = input["amount"]!.DeepClone(),
            ["card"] = "",
            ["cvv"] = 0,
            ["address"] = input["address"]!.DeepClone(),
            ["topic"] = Topic,
            ["offset"] = offset,
            ["source"] = "shop",
        };
        Assert.Equal(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key),
            line.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)
        );
        foreach (var (name, value) in expected)
        {
            Assert.True(
                JsonNode.DeepEquals(value, line[name]),
                $"{name}: expected {value?.ToJsonString()}, found {line[name]?.ToJsonString()}"
            );
        }
    }

    private static JsonObject Payment(int i) =>
        new()
        {
            ["id"] = "p" + i.ToString(CultureInfo.InvariantCulture),
            ["amount"] = i + 0.5,
            ["card"] = "4111-" + i.ToString(CultureInfo.InvariantCulture),
            ["cvv"] = 100 + i,
            ["note"] = "n" + i.ToString(CultureInfo.InvariantCulture),
            ["address"] = new JsonObject { ["city"] = "Oslo", ["zip"] = i },
        };

    private static byte[] Key(int i) =>
        Encoding.UTF8.GetBytes("{\"id\":\"p" + i.ToString(CultureInfo.InvariantCulture) + "\"}");

    private static void Produce(PipelineBed bed, IEnumerable<byte[]> values)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(
            new ProducerConfig { BootstrapServers = bed.BootstrapServers }
        ).Build();
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            producer.Produce(Topic, new() { Key = Key(i), Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static async Task RunSinkAsync(PipelineBed bed, string output, Func<bool> done)
    {
        var sink = new PaymentsSchemalessSinkWorker(
            PaymentsSchemalessSinkConfig.Parse(
                bed.Config(PaymentsSchemalessSinkConfig.SpecValues, ("file", output))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([sink], done);
    }
}
