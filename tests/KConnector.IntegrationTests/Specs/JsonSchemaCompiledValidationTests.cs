using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.JsonSchema;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// The JsonSchemaConverter spec (invoices-jsonschema-sink) through its generated worker with
/// errors.tolerance=all: records that break invoice.schema.json are refused by the validation the
/// generator compiled from it and dead-lettered at stage VALUE_CONVERTER with its message (path and
/// kind, as NJsonSchema names them); every valid invoice is written.
/// </summary>
public sealed class JsonSchemaCompiledValidationTests : IDisposable
{
    private const string Topic = "spec-invoices-validated";
    private const string DeadLetters = "spec-invoices-dlq";
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-jsv-")
        .FullName;

    [Fact]
    public async Task InvalidInvoices_GoToTheDeadLetterQueue_WithTheCompiledValidatorsMessage()
    {
        Assert.True(CompiledJsonSchemaValidator.IsCompiled<Invoice>());
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var registry = "mock://jsv-" + Guid.NewGuid().ToString("N");
        var producerSide = ConverterFactory.Create(
            "io.confluent.connect.json.JsonSchemaConverter",
            new Dictionary<string, string> { ["schema.registry.url"] = registry },
            isKey: false,
            ConverterFormats.JsonSchemaRecord<Invoice>()
        );
        var header = producerSide
            .FromConnectData(Topic, new Invoice { InvoiceId = "probe", Amount = 0 })!
            .AsSpan(0, 5)
            .ToArray();
        // Another producer that skipped validation: the type's schema id, a payload breaking it.
        byte[] Framed(string json) => [.. header, .. Encoding.UTF8.GetBytes(json)];
        var values = new List<(string Key, byte[] Value)>();
        for (var i = 0; i < 12; i++)
        {
            values.Add(
                i switch
                {
                    3 => ("bad-negative", Framed("""{"invoice_id":"inv-3","amount":-5}""")),
                    7 => ("bad-extra", Framed("""{"invoice_id":"inv-7","amount":1,"note":"x"}""")),
                    10 => ("bad-missing", Framed("""{"amount":2}""")),
                    _ => (
                        "good-" + i,
                        producerSide.FromConnectData(
                            Topic,
                            new Invoice { InvoiceId = "inv-" + i, Amount = i }
                        )!
                    ),
                }
            );
        }
        Produce(kafka, values);
        var output = Path.Combine(_directory, "invoices.jsonl");
        using var environment = new ConnectorEnvironment();
        var sink = new SpecInvoicesJsonschemaSinkWorker(
            SpecInvoicesJsonschemaSinkConfig.Parse(
                new Dictionary<string, string?>(SpecInvoicesJsonschemaSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                    ["topics"] = Topic,
                    ["value.converter.schema.registry.url"] = registry,
                    ["errors.tolerance"] = "all",
                    ["errors.deadletterqueue.topic.name"] = DeadLetters,
                    ["errors.deadletterqueue.topic.replication.factor"] = "1",
                    ["errors.deadletterqueue.context.headers.enable"] = "true",
                }
            ),
            environment
        );

        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        using var watermarks = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "jsv-watermark",
            }
        ).Build();
        await TopicReader.WaitUntilAsync(
            () =>
                File.Exists(output)
                && File.ReadLines(output).Count() >= 9
                && watermarks
                    .QueryWatermarkOffsets(
                        new TopicPartition(DeadLetters, 0),
                        TimeSpan.FromSeconds(10)
                    )
                    .High.Value >= 3,
            TimeSpan.FromSeconds(60),
            "9 written invoices and 3 dead letters",
            run
        );
        await stop.CancelAsync();
        await run;

        var written = File.ReadLines(output)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("invoice_id").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            new[] { 0, 1, 2, 4, 5, 6, 8, 9, 11 }
                .Select(i => "inv-" + i)
                .Order(StringComparer.Ordinal),
            written
        );
        var dead = TopicReader
            .ReadAll(kafka.BootstrapServers, DeadLetters, TimeSpan.FromSeconds(30))
            .Select(r => r.Message)
            .ToDictionary(m => Encoding.UTF8.GetString(m.Key!));
        Assert.Equal(
            ["bad-extra", "bad-missing", "bad-negative"],
            dead.Keys.Order(StringComparer.Ordinal)
        );
        Assert.All(
            dead.Values,
            m => Assert.Equal("VALUE_CONVERTER", Header(m, DeadLetterQueueHeaders.Stage))
        );
        Assert.Contains(
            "NumberTooSmall at $.amount",
            Header(dead["bad-negative"], DeadLetterQueueHeaders.ExceptionMessage)
        );
        Assert.Contains(
            "NoAdditionalPropertiesAllowed at $.note",
            Header(dead["bad-extra"], DeadLetterQueueHeaders.ExceptionMessage)
        );
        Assert.Contains(
            "PropertyRequired at $.invoice_id",
            Header(dead["bad-missing"], DeadLetterQueueHeaders.ExceptionMessage)
        );
        Assert.Contains(
            $"Invoice read from topic '{Topic}' violates its JSON Schema",
            Header(dead["bad-negative"], DeadLetterQueueHeaders.ExceptionMessage)
        );
    }

    private static void Produce(
        EmbeddedKafka kafka,
        IEnumerable<(string Key, byte[] Value)> records
    )
    {
        using var producer = new ProducerBuilder<string, byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(Topic, new Message<string, byte[]> { Key = key, Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static string Header(Message<byte[]?, byte[]?> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
