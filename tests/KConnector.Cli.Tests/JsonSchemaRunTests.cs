using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.SchemaRegistry;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run</c> of a file sink spec reading with <c>io.confluent.connect.json.JsonSchemaConverter</c>
/// and invoice.schema.json beside it, errors.tolerance=all: the spec compiled at run time validates each
/// record with the validation the generator compiled from the schema; valid invoices reach the file,
/// the ones breaking the schema go to the dead-letter queue at stage VALUE_CONVERTER with that
/// validator's message (path and kind, as NJsonSchema names them). The generated-worker road is
/// tests/KConnector.IntegrationTests JsonSchemaCompiledValidationTests.
/// </summary>
public sealed class JsonSchemaRunTests : IDisposable
{
    private const string Topic = "cli-invoices";
    private const string DeadLetters = "cli-invoices-dlq";
    private readonly SpecFolder _folder = new();
    private readonly string _registryScope = "cli-jsv-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task FileSinkWithJsonSchemaConverter_WritesValidInvoices_DeadLettersTheOthers()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var schema = _folder.Write("invoice.schema.json", InvoiceSchema);
        Produce(kafka.BootstrapServers, await RegisterAsync(File.ReadAllText(schema)));
        var output = _folder.File("invoices.jsonl");

        var run = await CliRun.InvokeAsync(
            "run",
            Spec(output),
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--max-records",
            "12",
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            new[] { 0, 1, 2, 4, 5, 6, 8, 9, 11 }.Select(i => "inv-" + i),
            File.ReadLines(output)
                .Select(l =>
                    JsonDocument.Parse(l).RootElement.GetProperty("invoice_id").GetString()
                )
        );
        var dead = DeadLetterMessages(kafka.BootstrapServers, 3);
        Assert.Equal(
            ["bad-extra", "bad-missing", "bad-negative"],
            dead.Keys.Order(StringComparer.Ordinal)
        );
        Assert.All(
            dead.Values,
            m => Assert.Equal("VALUE_CONVERTER", Header(m, DeadLetterQueueHeaders.Stage))
        );
        Assert.Equal(
            $"Invoice read from topic '{Topic}' violates its JSON Schema: NumberTooSmall at $.amount.",
            Header(dead["bad-negative"], DeadLetterQueueHeaders.ExceptionMessage)
        );
        Assert.Equal(
            $"Invoice read from topic '{Topic}' violates its JSON Schema: NoAdditionalPropertiesAllowed at $.note.",
            Header(dead["bad-extra"], DeadLetterQueueHeaders.ExceptionMessage)
        );
        Assert.Equal(
            $"Invoice read from topic '{Topic}' violates its JSON Schema: PropertyRequired at $.invoice_id.",
            Header(dead["bad-missing"], DeadLetterQueueHeaders.ExceptionMessage)
        );
    }

    // The schema as a producer using the type generated from it registers it (the type's
    // JsonSchemaText: the file's JSON without whitespace), under TopicNameStrategy's subject. Its
    // id frames every record; the converter checks a writer schema equal to its type's own with
    // the compiled validation, which gives no line numbers (NJsonSchema would add "(line 1,
    // position n)"): the exact messages asserted above show which validator ran.
    private async Task<int> RegisterAsync(string schemaText) =>
        await new MockSchemaRegistryClient(_registryScope).RegisterSchemaAsync(
            Topic + "-value",
            new Schema(JsonNode.Parse(schemaText)!.ToJsonString(), SchemaType.Json),
            CancellationToken.None
        );

    // Twelve invoices; 3, 7 and 10 break the schema, as a producer that skipped validation sends them.
    private static void Produce(string bootstrapServers, int schemaId)
    {
        using var producer = new ProducerBuilder<string, byte[]>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var i = 0; i < 12; i++)
        {
            var (key, json) = i switch
            {
                3 => ("bad-negative", """{"invoice_id":"inv-3","amount":-5}"""),
                7 => ("bad-extra", """{"invoice_id":"inv-7","amount":1,"note":"x"}"""),
                10 => ("bad-missing", """{"amount":2}"""),
                _ => ("good-" + i, $$"""{"invoice_id":"inv-{{i}}","amount":{{i}}.5}"""),
            };
            producer.Produce(
                Topic,
                new Message<string, byte[]> { Key = key, Value = Framed(schemaId, json) }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    // Confluent's wire format: magic byte 0, the schema id big-endian, the JSON text.
    private static byte[] Framed(int schemaId, string json)
    {
        var value = new byte[5 + Encoding.UTF8.GetByteCount(json)];
        BinaryPrimitives.WriteInt32BigEndian(value.AsSpan(1, 4), schemaId);
        Encoding.UTF8.GetBytes(json, value.AsSpan(5));
        return value;
    }

    private string Spec(string output) =>
        _folder.Write(
            "invoices-jsonschema.connector.json",
            $$"""
            {
              "name": "cli-invoices-jsonschema-sink",
              "config": {
                "connector.class": "FileStreamSink",
                "topics": "{{Topic}}",
                "file": {{JsonSerializer.Serialize(output)}},
                "value.schema": "invoice.schema.json",
                "value.converter": "io.confluent.connect.json.JsonSchemaConverter",
                "value.converter.schema.registry.url": "mock://{{_registryScope}}",
                "errors.tolerance": "all",
                "errors.deadletterqueue.topic.name": "{{DeadLetters}}",
                "errors.deadletterqueue.topic.replication.factor": 1,
                "errors.deadletterqueue.context.headers.enable": true
              }
            }
            """
        );

    private const string InvoiceSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Invoice",
          "type": "object",
          "additionalProperties": false,
          "required": ["invoice_id", "amount"],
          "properties": {
            "invoice_id": { "type": "string" },
            "amount": { "type": "number", "minimum": 0 }
          }
        }
        """;

    // The dead-letter topic's records by key; waits (bounded) until all <paramref name="count"/> are there.
    private static Dictionary<string, Message<byte[], byte[]>> DeadLetterMessages(
        string bootstrapServers,
        int count
    )
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "cli-jsv-dlq-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(DeadLetters, 0, Offset.Beginning));
        var messages = new Dictionary<string, Message<byte[], byte[]>>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (messages.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } r)
            {
                messages[Encoding.UTF8.GetString(r.Message.Key)] = r.Message;
            }
        }
        Assert.True(messages.Count == count, $"{messages.Count} of {count} dead letters");
        return messages;
    }

    private static string Header(Message<byte[], byte[]> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";

    public void Dispose()
    {
        MockSchemaRegistryClient.DropScope(_registryScope);
        _folder.Dispose();
    }
}
