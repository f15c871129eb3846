using System.Globalization;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Kafka;
using KConnector.SchemaRegistry;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// A sink spec's chain compiled at build time (payments-chain-sink.connector.json), through the road
/// a spec takes (generated config and worker) on the embedded Kafka: the value converter reads the
/// topic's Payment records and the generated InsertField + ReplaceField + Cast turn them into the
/// record the file sink writes; a Cast that fails is a TRANSFORMATION error whose dead-letter copy is
/// the consumed record, bytes unchanged, as Kafka Connect's sink reports it.
/// </summary>
public sealed class CompiledSinkChainTests : IDisposable
{
    private const string Topic = "payments-raw";
    private const string DeadLetters = "payments-raw-dlq";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-compiled-sink-")
        .FullName;

    [Fact]
    public async Task FileSinkSpec_WritesTheTransformedRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var payments = Enumerable
            .Range(0, 8)
            .Select(i => Payment(i.ToString(CultureInfo.InvariantCulture), i))
            .ToList();
        Produce(kafka, payments);
        var output = Path.Combine(_directory, "out.jsonl");

        await RunSinkAsync(kafka, output, () => LineCount(output) >= payments.Count);

        Assert.Equal(
            payments.Select(Expected),
            (await File.ReadAllLinesAsync(output)).Select(ChainJson.Normalized)
        );
        Assert.Empty(
            TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, TimeSpan.FromSeconds(1))
        );
    }

    [Fact]
    public async Task CompiledCastFailure_IsATransformationError_DeadLetteredWithTheConsumedBytes()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        string[] ids = ["1", "2", "x3", "4", "5y", "6"];
        var payments = ids.Select((id, i) => Payment(id, i)).ToList();
        var produced = Produce(kafka, payments);
        var output = Path.Combine(_directory, "out.jsonl");

        await RunSinkAsync(
            kafka,
            output,
            () => LineCount(output) >= 4 && Count(kafka, DeadLetters) >= 2
        );

        Assert.Equal(
            payments.Where(p => p.Id is not ("x3" or "5y")).Select(Expected),
            (await File.ReadAllLinesAsync(output)).Select(ChainJson.Normalized)
        );
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, WorkerRuns.Deadline);
        Assert.Equal(2, dead.Count);
        foreach (var (record, index) in dead.Zip(new[] { 2, 4 }))
        {
            var headers = record.Message.Headers.ToDictionary(
                h => h.Key,
                h => System.Text.Encoding.UTF8.GetString(h.GetValueBytes())
            );
            Assert.Equal("TRANSFORMATION", headers["__connect.errors.stage"]);
            Assert.Equal("KConnector.Transforms.CastValue", headers["__connect.errors.class.name"]);
            Assert.Equal(
                $"Cast to int64 failed: For input string: \"{ids[index]}\"",
                headers["__connect.errors.exception.message"]
            );
            Assert.Equal(Topic, headers["__connect.errors.topic"]);
            Assert.Equal(
                index.ToString(CultureInfo.InvariantCulture),
                headers["__connect.errors.offset"]
            );
            Assert.Equal(produced[index], record.Message.Value);
        }
    }

    /// <summary>
    /// The sink's compiled chain and the schemaless (JsonNode) chain of the same spec's keys give
    /// the same record for the same input, field for field.
    /// </summary>
    [Theory]
    [InlineData("17", 12.5, "x")]
    [InlineData("-3", 10.0, null)]
    [InlineData("0", 1e21, "")]
    public void CompiledAndSchemalessChains_GiveTheSameRecord(
        string id,
        double amount,
        string? note
    )
    {
        var payment = Payment(id, 0) with { Amount = amount, Note = note };
        var compiled = PaymentsChainSinkValueChain.Apply(Topic, payment);

        var chain = KConnector
            .Worker.ConnectorConfig.Parse(
                PaymentsChainSinkConfig
                    .SpecValues.Where(v => v.Key.StartsWith("transforms", StringComparison.Ordinal))
                    .Append(new("name", "schemaless"))
                    .ToDictionary(v => v.Key, v => v.Value!)
            )
            .Transformations.CreateChain();
        var schemaless = chain.Apply(
            new KConnector.Transforms.ConnectRecord<string, JsonNode>
            {
                Topic = Topic,
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

        Assert.Equal(
            ChainJson.Normalized(schemaless.Value!.ToJsonString()),
            ChainJson.Normalized(ChainJson.JsonOf(compiled))
        );
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException) { }
    }

    private static async Task RunSinkAsync(EmbeddedKafka kafka, string output, Func<bool> done)
    {
        using var environment = new ConnectorEnvironment();
        var sink = new PaymentsChainSinkWorker(
            PaymentsChainSinkConfig.Parse(
                new Dictionary<string, string?>(PaymentsChainSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([sink], done);
    }

    private static Payment Payment(string id, int i) =>
        new()
        {
            Id = id,
            Amount = i % 3 == 0 ? i : i + 0.25,
            Card = "4111-" + i.ToString(CultureInfo.InvariantCulture),
            Cvv = 100 + i,
            Note = i % 2 == 0 ? "n" + i.ToString(CultureInfo.InvariantCulture) : null,
        };

    // The record as Connect's chain gives it: id cast to int64, amount to string (a real keeps its
    // ".0"), card renamed pan, cvv dropped, the topic and then the static field inserted.
    private static string Expected(Payment p) =>
        new JsonObject
        {
            ["id"] = long.Parse(p.Id, CultureInfo.InvariantCulture),
            ["amount"] = KConnector.Transforms.Compiled.CompiledCast.Text(p.Amount),
            ["pan"] = p.Card,
            ["note"] = p.Note,
            ["topic"] = Topic,
            ["source"] = "shop",
        }.ToJsonString();

    /// <summary>Writes <paramref name="payments"/> as the Avro converter does and returns each value's bytes.</summary>
    private static List<byte[]> Produce(EmbeddedKafka kafka, IReadOnlyList<Payment> payments)
    {
        var converter = new AvroConverter<Payment>(
            new MockSchemaRegistryClient("payments-chain-sink"),
            isKey: false
        );
        var values = payments.Select(p => converter.FromConnectData(Topic, p)!).ToList();
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        foreach (var value in values)
        {
            producer.Produce(Topic, new() { Value = value });
        }
        producer.Flush(Timeout);
        return values;
    }

    private static int Count(EmbeddedKafka kafka, string topic) =>
        TopicReader.ReadAll(kafka.BootstrapServers, topic, TimeSpan.FromSeconds(1)).Count;

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
