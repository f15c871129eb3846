using System.Text;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;

namespace KConnector.IntegrationTests.HeaderConversion;

/// <summary>
/// <c>header.converter</c> on the road a spec takes (generated config and worker): the build
/// accepts the SimpleHeaderConverter, and InsertHeader's literals reach Kafka typed as Connect
/// types them (Values.parseString) and written as its SimpleHeaderConverter writes them.
/// </summary>
public sealed class SpecHeadersTests : IDisposable
{
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-spec-headers-")
        .FullName;

    [Fact]
    public async Task FileSourceSpec_InsertHeaderLiterals_AreWrittenAsConnectWritesThem()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("headed", partitions: 1);
        var input = Path.Combine(_directory, "orders.jsonl");
        await File.WriteAllLinesAsync(
            input,
            [
                """{"order_id": "o-1", "sequence": 1, "amount": 2.5}""",
                """{"order_id": "o-2", "sequence": 2, "amount": 4.0}""",
            ]
        );
        using var environment = new ConnectorEnvironment();
        var source = new SpecHeadersSourceWorker(
            SpecHeadersSourceConfig.Parse(
                new Dictionary<string, string?>(SpecHeadersSourceConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = input,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= 2);

        var records = TopicReader.ReadAll(kafka.BootstrapServers, "headed", WorkerRuns.Deadline);
        Assert.Equal(2, records.Count);
        Assert.All(
            records,
            r =>
                Assert.Equal(
                    new[]
                    {
                        ("count", "42"),
                        ("flag", "true"),
                        ("attrs", """{"a":1,"tags":[1,2]}"""),
                        ("note", "plain text"),
                    },
                    r.Message.Headers.Select(h =>
                        (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))
                    )
                )
        );
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
