using KConnector.Kafka;
using KConnector.Testing.Payments;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// InsertField's partition.field, offset.field and timestamp.field compiled on a sink, through
/// <c>kconnector run</c> of the spec the IntegrationTests' CompiledRecordMetadataPipelineTests run
/// as a generated worker (payments-metadata-sink): the registered payments on three partitions,
/// each file line carries the partition, offset and timestamp of the record it was consumed as.
/// </summary>
public sealed class RecordMetadataRunTests : IDisposable
{
    private const string Topic = "payments-located";
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSink_EachLineCarriesItsConsumedRecordsPartitionOffsetAndTimestamp()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 3);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        var spec = StandaloneRoad.CopyFromIntegrationTests(
            _folder,
            "payments-metadata-sink.connector.json",
            "payment.avsc"
        );
        var produced = await RegisteredPayments.ProduceAsync(
            kafka.BootstrapServers,
            registry.Url,
            _folder.File("payment.avsc"),
            Topic,
            LocatedPayments.Ids(12),
            partitions: 3
        );
        var output = _folder.File("out.jsonl");

        var run = await StandaloneRoad.RunAsync(
            _folder,
            kafka.BootstrapServers,
            spec,
            produced.Count,
            "file=" + output,
            "value.converter.schema.registry.url=" + registry.Url
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        LocatedPayments.AssertEachLineLocatesItsRecord(produced, output);
    }

    public void Dispose() => _folder.Dispose();
}
