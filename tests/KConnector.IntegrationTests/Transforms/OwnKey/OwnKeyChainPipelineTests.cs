using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Avro;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.IntegrationTests.Transforms.OwnKey;

/// <summary>
/// <c>$Key</c> stages compiled over the task's OWN key, through the road a spec takes (generated
/// config and worker) on the embedded Kafka. A source (payments-ownkey-source.connector.json):
/// the task's PaymentKey records go through ReplaceField$Key + Cast$Key + MaskField$Key +
/// InsertField$Key + SetSchemaMetadata$Key before the AvroConverter writes them, so the key bytes
/// and the schema registered under <c>{topic}-key</c> are the derived ones. A sink
/// (payments-ownkey-sink.connector.json): the key converter reads the topic's PaymentKey, then
/// Cast$Key + HoistField$Key run before the task; a key whose cast fails is a TRANSFORMATION error
/// dead-lettered with the consumed bytes. Compiled keys equal the schemaless (run-time) chain's.
/// </summary>
public sealed class OwnKeyChainPipelineTests : IDisposable
{
    private const int Payments = 8;
    private const string SinkTopic = "payments-keyed-raw";
    private const string DeadLetters = "payments-keyed-raw-dlq";
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-own-key-")
        .FullName;

    [Fact]
    public async Task SourceKeyStages_KeyBytesAndRegisteredKeySchemaAreTheDerivedOnes()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("payments-ownkey", partitions: 1);
        using var environment = new ConnectorEnvironment();
        var source = new PaymentsOwnkeySourceWorker(
            PaymentsOwnkeySourceConfig.Parse(
                new Dictionary<string, string?>(PaymentsOwnkeySourceConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["key.converter.schema.registry.url"] = registry.Url,
                    ["value.converter.schema.registry.url"] = registry.Url,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Payments);

        var records = TopicReader.ReadAll(
            kafka.BootstrapServers,
            "payments-ownkey",
            WorkerRuns.Deadline
        );
        Assert.Equal(Payments, records.Count);
        var sample = PaymentsOwnkeySourceKeyChain.Apply(
            "payments-ownkey",
            KeyedPaymentsSource.KeyNumber(0)
        );
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            Assert.Equal(0, record.Message.Key![0]);
            Assert.Equal(
                ChainJson.Normalized(ExpectedSourceKey(i)),
                ChainJson.Normalized(
                    ChainJson.JsonOf(KeyChainPipelineTests.DecodeLike(sample, record.Message.Key))
                )
            );
        }
        using var http = new HttpClient();
        var registered = await http.GetFromJsonAsync<JsonObject>(
            registry.Url + "/subjects/payments-ownkey-key/versions/latest"
        );
        var schema = JsonNode.Parse(registered!["schema"]!.GetValue<string>())!;
        Assert.Equal("shop.pay", schema["namespace"]!.GetValue<string>());
        Assert.Equal("PaymentRef", schema["name"]!.GetValue<string>());
        Assert.Equal(
            [
                "payment_id:\"string\"",
                "seq:\"string\"",
                "note:[\"null\",\"string\"]",
                "origin:[\"null\",\"string\"]",
            ],
            schema["fields"]!
                .AsArray()
                .Select(f => f!["name"]!.GetValue<string>() + ":" + f["type"]!.ToJsonString())
        );
    }

    [Fact]
    public async Task SinkKeyStages_RunAfterTheKeyConverter_AFailedKeyCastIsATransformationError()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(SinkTopic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        string[] ids = ["1", "2", "x3", "4", "5y", "6"];
        var produced = Produce(kafka, ids);
        var output = Path.Combine(_directory, "out.jsonl");
        using var environment = new ConnectorEnvironment();
        var sink = new PaymentsOwnkeySinkWorker(
            PaymentsOwnkeySinkConfig.Parse(
                new Dictionary<string, string?>(PaymentsOwnkeySinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync(
            [sink],
            () =>
                LineCount(output) >= 4
                && TopicReader
                    .ReadAll(kafka.BootstrapServers, DeadLetters, TimeSpan.FromSeconds(1))
                    .Count >= 2
        );

        Assert.Equal(
            ["1", "2", "4", "6"],
            (await File.ReadAllLinesAsync(output)).Select(l =>
                JsonNode.Parse(l)!["id"]!.GetValue<string>()
            )
        );
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, DeadLetters, WorkerRuns.Deadline);
        Assert.Equal(2, dead.Count);
        foreach (var (record, index) in dead.Zip(new[] { 2, 4 }))
        {
            var headers = record.Message.Headers.ToDictionary(
                h => h.Key,
                h => Encoding.UTF8.GetString(h.GetValueBytes())
            );
            Assert.Equal("TRANSFORMATION", headers["__connect.errors.stage"]);
            Assert.Equal("KConnector.Transforms.CastKey", headers["__connect.errors.class.name"]);
            Assert.Equal(
                $"Cast to int64 failed: For input string: \"{ids[index]}\"",
                headers["__connect.errors.exception.message"]
            );
            Assert.Equal(produced[index], record.Message.Key);
        }
    }

    /// <summary>
    /// The compiled key and the key the schemaless (JsonNode) chain of the same spec makes are the
    /// same, field for field, on the source's and the sink's chains.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    public void CompiledAndSchemalessKeys_AreTheSame(int i)
    {
        var key = KeyedPaymentsSource.KeyNumber(i);
        var compiled = PaymentsOwnkeySourceKeyChain.Apply("payments-ownkey", key);
        var schemaless = Schemaless(PaymentsOwnkeySourceConfig.SpecValues, ChainJson.JsonOf(key));
        Assert.Equal(
            ChainJson.Normalized(schemaless),
            ChainJson.Normalized(ChainJson.JsonOf(compiled))
        );

        var numeric = new PaymentKey
        {
            Id = (100 + i).ToString(CultureInfo.InvariantCulture),
            Region = key.Region,
            Seq = key.Seq,
            Note = key.Note,
        };
        var sinkKey = PaymentsOwnkeySinkKeyChain.Apply(SinkTopic, numeric);
        Assert.Equal(
            ChainJson.Normalized(
                Schemaless(PaymentsOwnkeySinkConfig.SpecValues, ChainJson.JsonOf(numeric))
            ),
            ChainJson.Normalized(ChainJson.JsonOf(sinkKey))
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

    // The key the run-time chain of the spec's transforms makes of a JSON key; SetSchemaMetadata
    // ("name") left out, as Connect's needs a schema (a schemaless record has no name to set).
    private static string Schemaless(
        IEnumerable<KeyValuePair<string, string?>> specValues,
        string key
    ) =>
        KConnector
            .Worker.ConnectorConfig.Parse(
                specValues
                    .Where(v => v.Key.StartsWith("transforms", StringComparison.Ordinal))
                    .Select(v =>
                        v.Key == "transforms"
                            ? new(
                                v.Key,
                                string.Join(",", v.Value!.Split(',').Where(a => a != "name"))
                            )
                            : v
                    )
                    .Where(v => !v.Key.StartsWith("transforms.name.", StringComparison.Ordinal))
                    .Append(new("name", "schemaless"))
                    .ToDictionary(v => v.Key, v => v.Value!)
            )
            .Transformations.CreateChain()
            .Apply(
                new KConnector.Transforms.ConnectRecord<JsonNode, JsonNode>
                {
                    Topic = "t",
                    Key = JsonNode.Parse(key),
                    Value = new JsonObject(),
                }
            )!
            .Key!.ToJsonString();

    // Payment n's key as the source's chain leaves it: id renamed, region dropped, seq a string,
    // note masked (an empty string, null stays null), origin inserted.
    private static string ExpectedSourceKey(int n) =>
        new JsonObject
        {
            ["payment_id"] = "p-" + n.ToString(CultureInfo.InvariantCulture),
            ["seq"] = n.ToString(CultureInfo.InvariantCulture),
            ["note"] = n % 2 == 0 ? string.Empty : null,
            ["origin"] = "shop",
        }.ToJsonString();

    private static List<byte[]> Produce(EmbeddedKafka kafka, IReadOnlyList<string> ids)
    {
        var keys = new AvroConverter<PaymentKey>(
            new MockSchemaRegistryClient("payments-ownkey-sink"),
            isKey: true
        );
        var values = new AvroConverter<Payment>(
            new MockSchemaRegistryClient("payments-ownkey-sink"),
            isKey: false
        );
        var produced = new List<byte[]>();
        using var producer = new ProducerBuilder<byte[], byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var key = keys.FromConnectData(
                SinkTopic,
                new PaymentKey
                {
                    Id = id,
                    Region = "eu",
                    Seq = i,
                }
            )!;
            produced.Add(key);
            var value = values.FromConnectData(
                SinkTopic,
                new Payment
                {
                    Id = id,
                    Amount = i,
                    Card = "4111",
                    Cvv = 100 + i,
                }
            )!;
            producer.Produce(SinkTopic, new() { Key = key, Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        return produced;
    }

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
