using System.Globalization;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// POST /connectors (on <c>kconnector run</c> serving REST) of the config the IntegrationTests run as
/// a generated worker, payments-schemaless-sink.connector.json: a file sink with no value.schema
/// reading JSON with the JsonConverter (schemas.enable=false), whose MaskField, ReplaceField and
/// InsertField run at run time (docs/transforms.md). The file holds the transformed lines.
/// </summary>
public sealed class SchemalessSinkOverRestTests
{
    private const string Topic = "payments-json";
    private const int Records = 4;

    [Fact]
    public async Task SchemalessFileSinkPosted_WritesTheTransformedLines()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        Produce(kafka.BootstrapServers);
        using var road = await RestRoad.StartAsync(
            kafka,
            "payments-schemaless-sink.connector.json"
        );
        var output = Path.Combine(road.Folder, "payments-out.jsonl");

        await road.PostAsync("payments-schemaless-sink", ("file", output));

        await road.UntilAsync(
            () => File.Exists(output) && File.ReadLines(output).Count() >= Records,
            "the transformed payments in the file"
        );
        Assert.Equal(
            Enumerable.Range(0, Records).Select(Expected),
            File.ReadLines(output).Select(Sorted)
        );
    }

    // Connect's chain: card and cvv masked, amount renamed total, note dropped, topic, offset and source inserted.
    private static string Expected(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"card":"","cvv":0,"id":"p-{{i}}","offset":{{i}},"source":"shop","topic":"payments-json","total":{{i + 0.5}}}"""
        );

    private static string Sorted(string line) =>
        new JsonObject(
            JsonNode
                .Parse(line)!
                .AsObject()
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))
        ).ToJsonString();

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
                    Value = string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"id": "p-{{i}}", "amount": {{i + 0.5}}, "card": "4111-{{i}}", "cvv": {{100 + i}}, "note": "n"}"""
                    ),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
