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
        PaymentChainRecords.ProduceSchemaless(kafka.BootstrapServers, Topic, Records);
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
        Assert.Equal(
            Enumerable.Range(0, Records).Select(i => PaymentChainRecords.Schemaless(i, Topic)),
            File.ReadLines(output).Select(PaymentChainRecords.Sorted)
        );
    }

    public void Dispose() => _folder.Dispose();
}
