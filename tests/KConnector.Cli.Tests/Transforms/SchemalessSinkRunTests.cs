using System.Globalization;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;
using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// <c>kconnector run</c> of the IntegrationTests' payments-schemaless-sink.connector.json: a file sink
/// with no value.schema reading JSON with the JsonConverter (schemas.enable=false), its MaskField,
/// ReplaceField and InsertField run at run time (docs/transforms.md), as the generated worker runs them.
/// </summary>
public sealed class SchemalessSinkRunTests : IDisposable
{
    private const string Topic = "payments-json";
    private const int Records = 5;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSinkOfSchemalessJson_WritesTheTransformedLines()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        Produce(kafka.BootstrapServers);
        var spec = StandaloneRoad.CopyFromIntegrationTests(
            _folder,
            "payments-schemaless-sink.connector.json"
        );
        var output = _folder.File("out.jsonl");

        var run = await StandaloneRoad.RunAsync(
            _folder,
            kafka.BootstrapServers,
            spec,
            Records,
            "file=" + output
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(Records, lines.Count);
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            // Connect's chain: card and cvv masked, amount renamed total, note dropped, topic, offset and source inserted.
            Assert.Equal(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{"card":"","cvv":0,"id":"p-{{i}}","offset":{{i}},"source":"shop","topic":"payments-json","total":{{i + 0.5}}}"""
                ),
                new JsonObject(
                    line.OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))
                ).ToJsonString()
            );
        }
    }

    private static void Produce(string bootstrapServers)
    {
        using var producer = new ProducerBuilder<string, string>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var i = 0; i < Records; i++)
        {
            producer.Produce(
                Topic,
                new()
                {
                    Key = string.Create(CultureInfo.InvariantCulture, $$"""{"id":"p-{{i}}"}"""),
                    Value = RegisteredPayments.Line(i),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => _folder.Dispose();
}
