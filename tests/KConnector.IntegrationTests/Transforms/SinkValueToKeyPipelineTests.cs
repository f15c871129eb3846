using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using KConnector.Transforms.Compiled;
using KConnector.Worker;
using KeyOutput = KConnector.IntegrationTests.PaymentsValuekeySinkKeyOutput.ConnectDefault;
using ValueOutput = KConnector.IntegrationTests.PaymentsValuekeySinkOutput.Payment;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// ValueToKey on a sink (payments-valuekey-sink.connector.json) on the embedded Kafka: records
/// without keys, whose key the compiled chain makes from the value as ReplaceField$Value left it
/// (ValueToKey, then Cast$Key), as Kafka Connect's sink converts and then transforms. Through the
/// generated worker (the file sink writes the values; a key whose cast fails is a TRANSFORMATION
/// error dead-lettered with the consumed record), and through the runner with the generated
/// converters and a recording task (the keys the task receives). The compiled key equals the
/// schemaless chain's.
/// </summary>
public sealed class SinkValueToKeyPipelineTests : IDisposable
{
    internal const string Topic = "payments-unkeyed";
    internal const string DeadLetters = "payments-unkeyed-dlq";
    internal static readonly string[] Ids = ["1", "2", "x3", "4"];
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-valuekey-sink-")
        .FullName;

    [Fact]
    public async Task GeneratedWorker_WritesTheValues_AKeyCastFailureIsDeadLetteredUnchanged()
    {
        using var kafka = Start();
        var produced = Produce(kafka, Ids.Select(Payment).ToList());
        var output = Path.Combine(_directory, "out.jsonl");
        using var environment = new ConnectorEnvironment();
        var sink = new PaymentsValuekeySinkWorker(
            PaymentsValuekeySinkConfig.Parse(
                new Dictionary<string, string?>(PaymentsValuekeySinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync(
            [sink],
            () => LineCount(output) >= 3 && DeadLetterCount(kafka) >= 1
        );

        AssertWrittenAndDeadLettered(kafka, output, produced);
    }

    /// <summary>
    /// The file holds the values of the payments whose keys were made (payment_id 1, 2, 4), and the
    /// one whose key cast failed (x3) is dead-lettered at TRANSFORMATION by CastKey, unchanged.
    /// </summary>
    internal static void AssertWrittenAndDeadLettered(
        EmbeddedKafka kafka,
        string output,
        IReadOnlyList<byte[]> produced
    )
    {
        Assert.Equal(
            ["1", "2", "4"],
            File.ReadAllLines(output)
                .Select(l => JsonNode.Parse(l)!["payment_id"]!.GetValue<string>())
        );
        var dead = Assert.Single(
            TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, WorkerRuns.Deadline)
        );
        var headers = Headers(dead);
        Assert.Equal("TRANSFORMATION", headers[DeadLetterQueueHeaders.Stage]);
        Assert.Equal("KConnector.Transforms.CastKey", headers[DeadLetterQueueHeaders.ClassName]);
        Assert.Null(dead.Message.Key);
        Assert.Equal(produced[2], dead.Message.Value);
    }

    [Fact]
    public async Task Runner_TaskReceivesTheKeysMadeFromTheValues_TombstonesKeepTheirKeys()
    {
        using var kafka = Start();
        var payments = Ids.Select(Payment).ToList();
        Produce(kafka, payments);
        using (var producer = Producer(kafka))
        {
            // A tombstone without a key keeps its null key; one with a key cannot give the task
            // that key (not a key record): a TRANSFORMATION error of ValueToKey.
            producer.Produce(Topic, new() { Key = null!, Value = null! });
            producer.Produce(Topic, new() { Key = "k"u8.ToArray(), Value = null! });
            producer.Flush(TimeSpan.FromSeconds(30));
        }
        var task = new RecordingSinkTask<KeyOutput, ValueOutput>();
        // The converters the generated worker builds: one reader of the topic's value, shared.
        var input = new SinkValueInput<Payment>(
            new AvroConverter<Payment>(
                new MockSchemaRegistryClient("payments-valuekey-sink"),
                isKey: false
            )
        );
        var runner = new SinkTaskRunner<KeyOutput, ValueOutput>(
            new WorkerOptions
            {
                Name = "payments-valuekey",
                BootstrapServers = kafka.BootstrapServers,
                Topics = [Topic],
                OffsetFlushInterval = TimeSpan.FromMilliseconds(300),
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    DeadLetterQueueTopicName = DeadLetters,
                    DeadLetterQueueTopicReplicationFactor = 1,
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            task,
            new SinkKeyChainConverter<Payment, KeyOutput>(
                input,
                PaymentsValuekeySinkKeyChain.Apply
            ),
            new SinkChainConverter<Payment, ValueOutput>(
                input,
                PaymentsValuekeySinkValueChain.Apply
            )
        );

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Records.Count >= 4 && DeadLetterCount(kafka) >= 2,
            WorkerRuns.Deadline,
            "four records put and two dead-lettered",
            run
        );
        await stop.CancelAsync();
        await run;

        var records = task.Records.ToList();
        Assert.Equal(
            payments.Where(p => p.Id != "x3").Select(ExpectedKey).Append("null"),
            records.Select(r => r.Key is null ? "null" : ChainJson.JsonOf(r.Key))
        );
        Assert.Equal(["1", "2", "4"], records.Take(3).Select(r => r.Value!.PaymentId));
        Assert.Null(records[3].Value);
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, WorkerRuns.Deadline);
        Assert.Equal(
            ["KConnector.Transforms.CastKey", "KConnector.Transforms.ValueToKey"],
            dead.Select(d => Headers(d)[DeadLetterQueueHeaders.ClassName])
        );
        Assert.All(
            dead,
            d => Assert.Equal("TRANSFORMATION", Headers(d)[DeadLetterQueueHeaders.Stage])
        );
        Assert.Equal("k"u8.ToArray(), dead[1].Message.Key);
    }

    /// <summary>
    /// The compiled key and the key the schemaless (JsonNode) chain of the same spec makes of the
    /// same value are the same, field for field.
    /// </summary>
    [Theory]
    [InlineData("17")]
    [InlineData("-3")]
    [InlineData("0")]
    public void CompiledAndSchemalessKeys_AreTheSame(string id)
    {
        var payment = Payment(id, 5);
        var compiled = PaymentsValuekeySinkKeyChain.Apply(Topic, payment);
        var schemaless = ChainJson
            .Schemaless(PaymentsValuekeySinkConfig.SpecValues)
            .Apply(
                new KConnector.Transforms.ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = Topic,
                    Value = JsonNode.Parse(ChainJson.JsonOf(payment))!,
                }
            )!;

        Assert.Equal(
            ChainJson.Normalized(schemaless.Key!.ToJsonString()),
            ChainJson.Normalized(ChainJson.JsonOf(compiled))
        );
        Assert.Equal(ExpectedKey(payment), ChainJson.JsonOf(compiled));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException) { }
    }

    private static EmbeddedKafka Start()
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        return kafka;
    }

    internal static Payment Payment(string id, int i) =>
        new()
        {
            Id = id,
            Amount = i + 0.5,
            Card = "4111-" + i.ToString(CultureInfo.InvariantCulture),
            Cvv = 100 + i,
            Note = i % 2 == 0 ? "n" : null,
        };

    // ValueToKey(payment_id, cvv) of the renamed value, payment_id cast to int64.
    private static string ExpectedKey(Payment p) =>
        new JsonObject
        {
            ["payment_id"] = long.Parse(p.Id, CultureInfo.InvariantCulture),
            ["cvv"] = p.Cvv,
        }.ToJsonString();

    private static IProducer<byte[], byte[]> Producer(EmbeddedKafka kafka) =>
        new ProducerBuilder<byte[], byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();

    /// <summary>Writes <paramref name="payments"/> without keys, as the Avro converter does; each value's bytes.</summary>
    internal static List<byte[]> Produce(EmbeddedKafka kafka, IReadOnlyList<Payment> payments)
    {
        var converter = new AvroConverter<Payment>(
            new MockSchemaRegistryClient("payments-valuekey-sink"),
            isKey: false
        );
        var values = payments.Select(p => converter.FromConnectData(Topic, p)!).ToList();
        using var producer = Producer(kafka);
        foreach (var value in values)
        {
            producer.Produce(Topic, new() { Key = null!, Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        return values;
    }

    private static Dictionary<string, string> Headers(ConsumeResult<byte[]?, byte[]?> record) =>
        record.Message.Headers.ToDictionary(
            h => h.Key,
            h => Encoding.UTF8.GetString(h.GetValueBytes())
        );

    internal static int DeadLetterCount(EmbeddedKafka kafka) =>
        TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, TimeSpan.FromSeconds(1)).Count;

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
