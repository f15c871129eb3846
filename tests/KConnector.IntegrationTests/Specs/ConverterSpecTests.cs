using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs.Shop;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// Specs naming each converter, compiled and run on the embedded cluster: JsonSchemaConverter over a
/// .schema.json type, JsonConverter with and without the schema envelope over an .avsc record,
/// ByteArrayConverter, and an AvroConverter whose schema.registry.url is a registry over HTTP.
/// </summary>
public sealed class ConverterSpecTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-converters-")
        .FullName;

    [Fact]
    public async Task JsonSchemaConverterSpec_WritesEveryInvoiceOfTheSchemaJsonType()
    {
        const int Total = 60;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-invoices", partitions: 2);
        // What another producer using Confluent's JSON Schema serializer writes, on the spec's registry.
        var producerSide = ConverterFactory.Create(
            "io.confluent.connect.json.JsonSchemaConverter",
            new Dictionary<string, string> { ["schema.registry.url"] = "mock://converter-specs" },
            isKey: false,
            ConverterFormats.JsonSchemaRecord<Invoice>()
        );
        Produce(
            kafka,
            "spec-invoices",
            Enumerable
                .Range(0, Total)
                .Select(i =>
                    producerSide.FromConnectData(
                        "spec-invoices",
                        new Invoice { InvoiceId = "inv-" + i, Amount = i * 1.5 }
                    )!
                )
        );
        var output = Path.Combine(_directory, "invoices.jsonl");
        using var environment = new ConnectorEnvironment();
        var sink = new SpecInvoicesJsonschemaSinkWorker(
            SpecInvoicesJsonschemaSinkConfig.Parse(
                new Dictionary<string, string?>(SpecInvoicesJsonschemaSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync([sink], () => sink.RecordsProcessed >= Total);

        var invoices = File.ReadAllLines(output)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(
                e => e.GetProperty("invoice_id").GetString()!,
                e => e.GetProperty("amount").GetDouble()
            );
        Assert.Equal(Total, invoices.Count);
        Assert.Equal(Enumerable.Range(0, Total).Sum(i => i * 1.5), invoices.Values.Sum());
    }

    [Fact]
    public async Task JsonConverterSpec_WithSchemasEnabled_ReadsTheSchemaPayloadEnvelope()
    {
        const int Total = 40;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-json-envelope-orders", partitions: 2);
        var producerSide = ConverterFactory.Create(
            "org.apache.kafka.connect.json.JsonConverter",
            new Dictionary<string, string>(),
            isKey: false,
            ConverterFormats.AvroRecord<ShopOrder>()
        );
        var values = Enumerable
            .Range(0, Total)
            .Select(i =>
                producerSide.FromConnectData(
                    "spec-json-envelope-orders",
                    new ShopOrder
                    {
                        OrderId = "order-" + i,
                        Sequence = i,
                        Amount = i,
                    }
                )!
            )
            .ToList();
        // Kafka Connect's envelope: {"schema": {...the Connect schema...}, "payload": {...}}.
        var first = JsonDocument.Parse(values[0]).RootElement;
        Assert.Equal("struct", first.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("order-0", first.GetProperty("payload").GetProperty("order_id").GetString());
        Produce(kafka, "spec-json-envelope-orders", values);

        var lines = await RunFileSinkAsync(
            kafka,
            "orders-envelope.jsonl",
            Total,
            (values, environment) =>
                new SpecOrdersJsonEnvelopeSinkWorker(
                    SpecOrdersJsonEnvelopeSinkConfig.Parse(values),
                    environment
                ),
            SpecOrdersJsonEnvelopeSinkConfig.SpecValues
        );

        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => (long)i),
            lines.Select(l => l.GetProperty("sequence").GetInt64()).Order()
        );
    }

    [Fact]
    public async Task JsonConverterSpec_WithSchemasDisabled_ReadsPlainJsonFromAnyProducer()
    {
        const int Total = 40;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-plain-json-orders", partitions: 2);
        // Written by hand, as a producer that knows nothing of Kafka Connect would.
        Produce(
            kafka,
            "spec-plain-json-orders",
            Enumerable
                .Range(0, Total)
                .Select(i =>
                    Encoding.UTF8.GetBytes(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $$"""{"order_id": "plain-{{i}}", "sequence": {{i}}, "amount": {{i}}.25, "note": null}"""
                        )
                    )
                )
        );

        var lines = await RunFileSinkAsync(
            kafka,
            "orders-plain.jsonl",
            Total,
            (values, environment) =>
                new SpecOrdersPlainJsonSinkWorker(
                    SpecOrdersPlainJsonSinkConfig.Parse(values),
                    environment
                ),
            SpecOrdersPlainJsonSinkConfig.SpecValues
        );

        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => "plain-" + i).Order(StringComparer.Ordinal),
            lines.Select(l => l.GetProperty("order_id").GetString()!).Order(StringComparer.Ordinal)
        );
        Assert.All(
            lines,
            l =>
                Assert.Equal(
                    l.GetProperty("sequence").GetInt64() + 0.25,
                    l.GetProperty("amount").GetDouble()
                )
        );
    }

    [Fact]
    public async Task ByteArrayConverterSpec_PassesKeysAndValuesThroughByteForByte()
    {
        const int Total = 30;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-raw-bytes", partitions: 1);
        // Not UTF-8 (0xC3 0x28 is an invalid sequence): a StringConverter would fail on each.
        var sent = Enumerable
            .Range(0, Total)
            .Select(i =>
                (
                    Key: new byte[] { 0xC3, 0x28, (byte)i },
                    Value: new byte[] { 0xFF, 0, (byte)i, 0xFE }
                )
            )
            .ToList();
        using (
            var producer = new ProducerBuilder<byte[], byte[]>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            foreach (var (key, value) in sent)
            {
                producer.Produce("spec-raw-bytes", new() { Key = key, Value = value });
            }
            producer.Flush(Timeout);
        }
        BytesSink.Received.Clear();
        using var environment = new ConnectorEnvironment();
        var sink = new SpecRawBytesWorker(
            SpecRawBytesConfig.Parse(
                new Dictionary<string, string?>(SpecRawBytesConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync([sink], () => sink.RecordsProcessed >= Total);

        // One partition: the order is the topic's.
        Assert.Equal(
            sent.Select(s => Convert.ToHexString(s.Key) + "/" + Convert.ToHexString(s.Value)),
            BytesSink.Received.Select(r =>
                Convert.ToHexString(r.Key!) + "/" + Convert.ToHexString(r.Value!)
            )
        );
    }

    [Fact]
    public async Task AvroConverterSpec_WithAnHttpRegistry_RegistersTheSubjectOverRest()
    {
        const int Total = 120;
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-registry-orders", partitions: 2);
        // The spec says "value.converter.schema.registry.url": "${env:KCONNECTOR_SPEC_REGISTRY_URL}".
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_REGISTRY_URL", registry.Url);
        try
        {
            using var environment = new ConnectorEnvironment();
            var source = new SpecOrdersRegistrySourceWorker(
                SpecOrdersRegistrySourceConfig.Parse(
                    new Dictionary<string, string?>(SpecOrdersRegistrySourceConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );

            await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_REGISTRY_URL", null);
        }

        Assert.Contains(
            registry.Requests,
            r => r.Method == "POST" && r.Path == "/subjects/spec-registry-orders-value/versions"
        );
        var records = TopicReader.ReadAll(kafka.BootstrapServers, "spec-registry-orders", Timeout);
        Assert.Equal(Total, records.Count);
        // Confluent's framing with the id the registry gave, readable by any client of that registry.
        var reader = ConverterFactory.Create(
            "io.confluent.connect.avro.AvroConverter",
            new Dictionary<string, string> { ["schema.registry.url"] = registry.Url },
            isKey: false,
            ConverterFormats.AvroRecord<ShopOrder>()
        );
        Assert.All(records, r => Assert.Equal(0, r.Message.Value![0]));
        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => (long)i),
            records
                .Select(r =>
                    reader.ToConnectData("spec-registry-orders", r.Message.Value)!.Sequence
                )
                .Order()
        );
    }

    [Fact]
    public void RuntimeConverterOverride_MayNameOnlyAConverterOfTheCompiledType()
    {
        var json = SpecOrdersFileSinkConfig.Validate(
            new Dictionary<string, string?>(SpecOrdersFileSinkConfig.SpecValues)
            {
                ["file"] = "x.jsonl",
                ["value.converter"] = "Json",
            }
        );
        var text = SpecOrdersFileSinkConfig.Validate(
            new Dictionary<string, string?>(SpecOrdersFileSinkConfig.SpecValues)
            {
                ["file"] = "x.jsonl",
                ["value.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            }
        );

        Assert.True(json.IsValid, string.Join("; ", json.Issues.Select(i => i.Message)));
        var issue = Assert.Single(text.Issues);
        Assert.Equal("value.converter", issue.Key);
        Assert.Contains(
            "io.confluent.connect.avro.AvroConverter",
            issue.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "org.apache.kafka.connect.json.JsonConverter",
            issue.Message,
            StringComparison.Ordinal
        );
    }

    private async Task<List<JsonElement>> RunFileSinkAsync(
        EmbeddedKafka kafka,
        string file,
        int total,
        Func<IReadOnlyDictionary<string, string?>, ConnectorEnvironment, IConnectorWorker> create,
        IReadOnlyDictionary<string, string?> specValues
    )
    {
        var output = Path.Combine(_directory, file);
        using var environment = new ConnectorEnvironment();
        var sink = create(
            new Dictionary<string, string?>(specValues)
            {
                ["bootstrap.servers"] = kafka.BootstrapServers,
                ["file"] = output,
            },
            environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => sink.RecordsProcessed >= total);
        return [.. File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    private static void Produce(EmbeddedKafka kafka, string topic, IEnumerable<byte[]> values)
    {
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        foreach (var value in values)
        {
            producer.Produce(topic, new() { Value = value });
        }
        producer.Flush(Timeout);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
