using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// A primitive value on a sink, through <c>kconnector run</c> of the spec the IntegrationTests'
/// PrimitiveFileSinkPipelineTests run as a generated worker (payments-amount-sink:
/// ExtractField$Value of the double amount on a FileStreamSink): the file holds one line per
/// record, the amount as Java's Double.toString prints it.
/// </summary>
public sealed class PrimitiveSinkRunTests : IDisposable
{
    private const string Topic = "payments-amounts";
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSink_PrintsEachExtractedAmount_AsJavaPrintsIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        string[] amounts = ["12.5", "100", "10000000", "0.0001"];
        using (
            var producer = new ProducerBuilder<Null, string>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build()
        )
        {
            foreach (var amount in amounts)
            {
                await producer.ProduceAsync(
                    Topic,
                    new()
                    {
                        Value =
                            $$"""{"id": "p", "amount": {{amount}}, "card": "4111", "cvv": 1, "note": null}""",
                    }
                );
            }
        }
        var spec = StandaloneRoad.CopyFromIntegrationTests(
            _folder,
            "payments-amount-sink.connector.json",
            "payment.avsc"
        );
        var output = _folder.File("amounts.txt");

        var run = await StandaloneRoad.RunAsync(
            _folder,
            kafka.BootstrapServers,
            spec,
            amounts.Length,
            "file=" + output
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["12.5", "100.0", "1.0E7", "1.0E-4"], File.ReadAllLines(output));
    }

    public void Dispose() => _folder.Dispose();
}
