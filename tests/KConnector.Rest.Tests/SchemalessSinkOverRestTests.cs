using KConnector.Kafka;
using KConnector.Testing.SpecRecords;

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
        PaymentChainRecords.ProduceSchemaless(kafka.BootstrapServers, Topic, Records);
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
            Enumerable.Range(0, Records).Select(i => PaymentChainRecords.Schemaless(i, Topic)),
            File.ReadLines(output).Select(PaymentChainRecords.Sorted)
        );
    }
}
