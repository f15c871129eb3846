using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Avro;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Rest.Tests;

/// <summary>
/// A transform chain compiled at creation for a connector created over REST (POST /connectors on
/// <c>kconnector run</c> serving REST), with the very config the IntegrationTests run as a
/// generated worker: payments-hoisted-source.connector.json (MaskField$Value, HoistField$Value,
/// SetSchemaMetadata$Value: a nested record, HoistedChainPipelineTests) and
/// payments-keyrecord-source.connector.json (ValueToKey, Cast$Key, MaskField$Key: a struct key made
/// from the value, KeyChainPipelineTests), whose key schema is the chain's, not one the factory
/// could look up in the registry. The topics hold the generated worker's records, and the registry
/// the derived schemas.
/// A compiled HeaderFrom$Key on a source and HeaderFrom on a sink
/// (payments-keyheaders-source, payments-headers-sink) likewise write the generated worker's records.
/// </summary>
public sealed class CompiledChainsOverRestTests
{
    private const int Payments = 8;

    [Fact]
    public async Task ConnectorsPostedWithCompiledChains_WriteTheGeneratedWorkersRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("payments-hoisted", partitions: 1);
        kafka.CreateTopic("payments-keyrecord", partitions: 1);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var session = new OperatorSession(kafka.BootstrapServers);
        CopyFromIntegrationTests(session.Folder);
        var payments = Path.Combine(session.Folder, "payments.jsonl");
        await File.WriteAllLinesAsync(payments, Enumerable.Range(0, Payments).Select(PaymentLine));
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            using var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(3),
            };
            var file = ("file", payments);
            var registryUrl = ("value.converter.schema.registry.url", registry.Url);
            foreach (
                var posted in new[]
                {
                    FromSpec(session.Folder, "payments-hoisted-source", file, registryUrl),
                    FromSpec(
                        session.Folder,
                        "payments-keyrecord-source",
                        file,
                        registryUrl,
                        ("key.converter.schema.registry.url", registry.Url)
                    ),
                }
            )
            {
                var created = await client.PostJsonAsync("/connectors", posted);
                Assert.True(created.Status == HttpStatusCode.Created, created.Body.ToString());
            }

            await Http.UntilAsync(
                () =>
                    Task.FromResult(
                        EndOffset(kafka, "payments-hoisted") >= Payments
                            && EndOffset(kafka, "payments-keyrecord") >= Payments
                    ),
                "the hoisted and the keyed payments on their topics",
                TimeSpan.FromSeconds(120)
            );
            Assert.Equal(
                Enumerable.Range(0, Payments).Select(HoistedJson),
                Read(kafka, "payments-hoisted").Select(r => EnvelopeJson(r.Value))
            );
            Assert.Equal(
                "PaymentEnvelope",
                (await LatestSchemaAsync(registry, "payments-hoisted-value"))[
                    "name"
                ]!.GetValue<string>()
            );
            Assert.Equal(
                Enumerable.Range(0, Payments).Select(KeyRecordExpected),
                Read(kafka, "payments-keyrecord").Select(r => KeyRecordJson(r.Key))
            );
            var key = await LatestSchemaAsync(registry, "payments-keyrecord-key");
            Assert.Equal("io.confluent.connect.avro.ConnectDefault", FullName(key));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("the tool said:\n" + tool.Output, e);
        }
        finally
        {
            tool.Dispose();
        }
    }

    /// <summary>
    /// Compiled HeaderFrom over REST: payments-keyheaders-source (ValueToKey, HeaderFrom$Key move,
    /// ExtractField$Key: KeyHeaderFromPipelineTests) writes the key fields as headers, the key the
    /// id; payments-headers-sink (Cast, HeaderFrom move, MaskField, then InsertHeader:
    /// SinkHeaderFromPipelineTests) writes the values without the moved fields.
    /// </summary>
    [Fact]
    public async Task ConnectorsPostedWithACompiledHeaderFrom_WriteTheGeneratedWorkersRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("payments-keyheaders", partitions: 1);
        kafka.CreateTopic("payments-in", partitions: 1);
        using var session = new OperatorSession(kafka.BootstrapServers);
        CopyFromIntegrationTests(session.Folder);
        var payments = Path.Combine(session.Folder, "payments.jsonl");
        await File.WriteAllLinesAsync(payments, Enumerable.Range(0, Payments).Select(PaymentLine));
        ProduceJson(kafka, "payments-in");
        var output = Path.Combine(session.Folder, "payments-out.jsonl");
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            using var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(3),
            };
            foreach (
                var posted in new[]
                {
                    FromSpec(session.Folder, "payments-keyheaders-source", ("file", payments)),
                    FromSpec(
                        session.Folder,
                        "payments-headers-sink",
                        ("file", output),
                        ("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
                        ("value.converter.schemas.enable", "false")
                    ),
                }
            )
            {
                var created = await client.PostJsonAsync("/connectors", posted);
                Assert.True(created.Status == HttpStatusCode.Created, created.Body.ToString());
            }

            await Http.UntilAsync(
                () =>
                    Task.FromResult(
                        EndOffset(kafka, "payments-keyheaders") >= Payments
                            && File.Exists(output)
                            && File.ReadLines(output).Count() >= Payments
                    ),
                "the keyed payments on their topic and the sink's file written",
                TimeSpan.FromSeconds(120)
            );
            Assert.Equal(
                Enumerable
                    .Range(0, Payments)
                    .Select(i =>
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"p-{i}:code={100 + i},remark={(i % 2 == 0 ? "n" + i : "(null)")}"
                        )
                    ),
                Read(kafka, "payments-keyheaders")
                    .Select(r =>
                        System.Text.Encoding.UTF8.GetString(r.Key)
                        + ":"
                        + string.Join(
                            ",",
                            r.Headers.Select(h =>
                                h.Key
                                + "="
                                + (
                                    h.GetValueBytes() is { } b
                                        ? System.Text.Encoding.UTF8.GetString(b)
                                        : "(null)"
                                )
                            )
                        )
                    )
            );
            // HeaderFrom moved id, cvv and note; MaskField emptied the card.
            Assert.Equal(
                Enumerable
                    .Range(0, Payments)
                    .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 0.5}|")),
                File.ReadAllLines(output)
                    .Select(l => JsonNode.Parse(l)!.AsObject())
                    .Select(v =>
                        string.Join(",", v.Select(f => f.Key).Except(["amount", "card"]))
                        + string.Create(
                            CultureInfo.InvariantCulture,
                            $"{v["amount"]!.GetValue<double>()}|{v["card"]!.GetValue<string>()}"
                        )
                    )
            );
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("the tool said:\n" + tool.Output, e);
        }
        finally
        {
            tool.Dispose();
        }
    }

    // The payments as schemaless JSON values, for a sink whose value.converter is the JsonConverter.
    private static void ProduceJson(EmbeddedKafka kafka, string topic)
    {
        using var producer = new ProducerBuilder<Null, string>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        for (var i = 0; i < Payments; i++)
        {
            producer.Produce(topic, new() { Value = PaymentLine(i) });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    /// <summary>The IntegrationTests' Transforms folder, whose specs the generated workers run.</summary>
    internal static string IntegrationTestsTransforms()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(
            directory.FullName,
            "tests",
            "KConnector.IntegrationTests",
            "Transforms"
        );
    }

    private static void CopyFromIntegrationTests(string folder)
    {
        var from = IntegrationTestsTransforms();
        foreach (
            var name in new[]
            {
                "payments-hoisted-source.connector.json",
                "payments-keyrecord-source.connector.json",
                "payments-keyheaders-source.connector.json",
                "payments-headers-sink.connector.json",
                "payment.avsc",
            }
        )
        {
            File.Copy(Path.Combine(from, name), Path.Combine(folder, name));
        }
    }

    // A spec of the IntegrationTests as a POST /connectors body, with this run's files and registry.
    internal static string FromSpec(
        string folder,
        string name,
        params (string Key, string Value)[] overrides
    )
    {
        var spec = JsonNode
            .Parse(File.ReadAllText(Path.Combine(folder, name + ".connector.json")))!
            .AsObject();
        spec.Remove("$schema");
        foreach (var (key, value) in overrides)
        {
            spec["config"]![key] = value;
        }
        return spec.ToJsonString();
    }

    // HoistedChainPipelineTests.Expected: payment i, its card masked, as the field "payment".
    private static string HoistedJson(int i)
    {
        var payment = JsonNode.Parse(PaymentLine(i))!;
        payment["card"] = "";
        return new JsonObject { ["payment"] = payment }.ToJsonString();
    }

    // A PaymentEnvelope {payment: Payment} after Confluent's framing, as JSON.
    private static string EnvelopeJson(byte[] value)
    {
        Assert.Equal(0, value[0]);
        var reader = new AvroReader(value.AsSpan(5));
        var payment = new JsonObject
        {
            ["id"] = reader.ReadString("id"),
            ["amount"] = reader.ReadDouble("amount"),
            ["card"] = reader.ReadString("card"),
            ["cvv"] = reader.ReadInt("cvv"),
            ["note"] = reader.ReadUnionIndex("note", 2) == 0 ? null : reader.ReadString("note"),
        };
        reader.ExpectEnd("value");
        return new JsonObject { ["payment"] = payment }.ToJsonString();
    }

    // KeyChainRunTests' expectation: payment i's id, cvv cast to string, note masked (kept null).
    private static string KeyRecordExpected(int i) =>
        JsonNode
            .Parse(
                $$"""{"id": "p-{{i}}", "cvv": "{{100 + i}}", "note": {{(i % 2 == 0 ? "\"\"" : "null")}}}"""
            )!
            .ToJsonString();

    // The ConnectDefault {id: string, cvv: string, note: [null, string]} key after Confluent's framing, as JSON.
    private static string KeyRecordJson(byte[] key)
    {
        Assert.Equal(0, key[0]);
        var reader = new AvroReader(key.AsSpan(5));
        var id = reader.ReadString("id");
        var cvv = reader.ReadString("cvv");
        var note = reader.ReadUnionIndex("note", 2) == 0 ? null : reader.ReadString("note");
        reader.ExpectEnd("key");
        return new JsonObject
        {
            ["id"] = id,
            ["cvv"] = cvv,
            ["note"] = note,
        }.ToJsonString();
    }

    private static string FullName(JsonNode schema) =>
        schema["namespace"]!.GetValue<string>() + "." + schema["name"]!.GetValue<string>();

    // KeyChainPipelineTests' input: payment i, a note when i is even.
    private static string PaymentLine(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"id": "p-{{i}}", "amount": {{i + 0.5}}, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": {{(i % 2 == 0 ? "\"n" + i + "\"" : "null")}}}"""
        );

    private static async Task<JsonNode> LatestSchemaAsync(
        SchemaRegistryTestServer registry,
        string subject
    )
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var registered = JsonNode.Parse(
            await http.GetStringAsync($"{registry.Url}/subjects/{subject}/versions/latest")
        )!;
        return JsonNode.Parse(registered["schema"]!.GetValue<string>())!;
    }

    private static long EndOffset(EmbeddedKafka kafka, string topic)
    {
        using var consumer = Consumer(kafka);
        return consumer
            .QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(30))
            .High.Value;
    }

    private static List<(byte[] Key, byte[] Value, Headers Headers)> Read(
        EmbeddedKafka kafka,
        string topic
    )
    {
        using var consumer = Consumer(kafka);
        var end = EndOffset(kafka, topic);
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var records = new List<(byte[] Key, byte[] Value, Headers Headers)>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (records.Count < end && DateTime.UtcNow < deadline)
        {
            if (
                consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result
            )
            {
                records.Add((result.Message.Key, result.Message.Value, result.Message.Headers));
            }
        }
        return records;
    }

    private static IConsumer<byte[], byte[]> Consumer(EmbeddedKafka kafka) =>
        new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "rest-chains-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
}
