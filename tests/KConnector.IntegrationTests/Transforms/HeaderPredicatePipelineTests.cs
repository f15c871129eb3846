using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using KConnector.Records;
using KConnector.Transforms;
using KConnector.Transforms.Compiled;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// A compiled MaskField under HasHeaderKey on a sink (payments-pii-sink.connector.json): the runner
/// gives the compiled chain the consumed record's headers, so the file sink writes the records
/// carrying a <c>pii</c> header masked and the others as they were, as the schemaless chain of the
/// same spec does, on the embedded Kafka. On a source (payments-pii-source.connector.json) the
/// runner gives it the headers the run-time stages left: InsertHeader's.
/// </summary>
public sealed class HeaderPredicatePipelineTests : IDisposable
{
    private const string Topic = "payments-pii";
    private const int Payments = 4;
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-pii-sink-")
        .FullName;

    [Fact]
    public async Task FileSink_MasksTheRecordsWithThePiiHeader_AsTheSchemalessChain()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        Produce(kafka);
        var output = Path.Combine(_directory, "out.jsonl");
        using var environment = new ConnectorEnvironment();
        var sink = new PaymentsPiiSinkWorker(
            PaymentsPiiSinkConfig.Parse(
                new Dictionary<string, string?>(PaymentsPiiSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                }
            ),
            environment
        );

        await WorkerRuns.RunUntilAsync([sink], () => LineCount(output) >= Payments);

        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(Payments, lines.Length);
        var chain = Schemaless(PaymentsPiiSinkConfig.SpecValues);
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var schemaless = chain.Apply(
                new ConnectRecord<string, JsonNode>
                {
                    Topic = Topic,
                    Value = JsonNode.Parse(Input(i))!,
                    Headers = HeadersOf(i),
                }
            )!;
            Assert.Equal(Normalized(schemaless.Value!.ToJsonString()), Normalized(line));
            // The even payments carry the header: card and cvv masked to their empty values.
            Assert.Equal(
                i % 2 == 0 ? string.Empty : "4111-" + i,
                JsonNode.Parse(line)!["card"]!.GetValue<string>()
            );
        }
    }

    [Fact]
    public void CompiledChain_ReadsTheHeadersTheRunnerSets_WithoutTheHeaderTheRecordStays()
    {
        var metadata = new CompiledRecordMetadata();
        metadata.SetHeaders(new Headers { { "origin", Encoding.UTF8.GetBytes("shop") } });
        var payment = new Shop.Payment
        {
            Id = "p-1",
            Amount = 1.5,
            Card = "4111-1",
            Cvv = 101,
        };

        var kept = PaymentsPiiSinkValueChain.Apply(Topic, payment, metadata);
        metadata.SetHeaders(new Headers { { "pii", null } });
        var masked = PaymentsPiiSinkValueChain.Apply(Topic, payment, metadata);

        Assert.Equal(("4111-1", 101), (kept.Card, kept.Cvv));
        Assert.Equal((string.Empty, 0), (masked.Card, masked.Cvv));
    }

    [Fact]
    public async Task FileSource_MasksUnderTheHeaderTheRunTimeStageInserted_AsTheSchemalessChain()
    {
        // payments-pii-source: InsertHeader pii at run time, then MaskField card under HasHeaderKey
        // pii (applies) and MaskField id under HasHeaderKey audit (skips), compiled.
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: false,
            "payments-pii-source"
        );
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Payments).Select(Input)
        );
        var source = new PaymentsPiiSourceWorker(
            PaymentsPiiSourceConfig.Parse(
                bed.Config(PaymentsPiiSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Payments);

        var records = bed.Read("payments-pii-source");
        Assert.Equal(Payments, records.Count);
        var chain = Schemaless(PaymentsPiiSourceConfig.SpecValues);
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            var schemaless = chain.Apply(
                new ConnectRecord<string, JsonNode>
                {
                    Topic = "payments-pii-source",
                    Value = JsonNode.Parse(Input(i))!,
                }
            )!;
            var value = JsonNode.Parse(record.Message.Value)!;
            Assert.Equal(
                Normalized(schemaless.Value!.ToJsonString()),
                Normalized(value.ToJsonString())
            );
            Assert.Equal(
                ("p-" + i, string.Empty),
                (value["id"]!.GetValue<string>(), value["card"]!.GetValue<string>())
            );
            Assert.Equal(
                "yes",
                Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes("pii"))
            );
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException) { }
    }

    private static string Input(int i) =>
        $$"""{"id": "p-{{i}}", "amount": {{i}}.5, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": null}""";

    // Every payment has an origin header; the even ones a pii header too (with no value).
    private static IReadOnlyList<RecordHeader> HeadersOf(int i) =>
        i % 2 == 0
            ?
            [
                new RecordHeader("origin", "shop"u8.ToArray()),
                new RecordHeader("pii", (byte[]?)null),
            ]
            : [new RecordHeader("origin", "shop"u8.ToArray())];

    private static void Produce(EmbeddedKafka kafka)
    {
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
        ).Build();
        for (var i = 0; i < Payments; i++)
        {
            var headers = new Headers();
            foreach (var header in HeadersOf(i))
            {
                headers.Add(header.Name, header.Name == "pii" ? null : "shop"u8.ToArray());
            }
            producer.Produce(
                Topic,
                new() { Value = Encoding.UTF8.GetBytes(Input(i)), Headers = headers }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
