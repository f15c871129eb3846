using System.Buffers.Binary;
using System.Text.Json;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// Attribute connectors of a protoc-generated message (compiled from Specs/Protos/reading.proto by
/// Grpc.Tools), run on the embedded cluster with a registry over HTTP: the source writes Confluent's
/// Protobuf framing and registers the .proto file's own text as a PROTOBUF schema; the sink reads
/// every message back.
/// </summary>
public sealed class ProtobufConverterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ProtobufSourceAndSink_RoundTripTheMessagesInConfluentsWireFormat()
    {
        const int Total = 90;
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-readings", partitions: 2);
        using var environment = new ConnectorEnvironment();
        var settings = new Dictionary<string, string?>
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
            ["value.converter.schema.registry.url"] = registry.Url,
        };
        var source = new ReadingsSourceWorker(
            ReadingsSourceConfig.Parse(
                new Dictionary<string, string?>(settings)
                {
                    ["readings.topic"] = "spec-readings",
                    ["readings.count"] = "90",
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Total);

        // The registered subject: the .proto file as written, with schemaType PROTOBUF.
        using var http = new HttpClient();
        using var latest = JsonDocument.Parse(
            await http.GetStringAsync(
                new Uri(registry.Url + "/subjects/spec-readings-value/versions/latest")
            )
        );
        var proto = await File.ReadAllTextAsync(
            Path.Combine(ProjectDirectory(), "Specs", "Protos", "reading.proto")
        );
        Assert.Equal("PROTOBUF", latest.RootElement.GetProperty("schemaType").GetString());
        Assert.Equal(proto, latest.RootElement.GetProperty("schema").GetString());
        var id = latest.RootElement.GetProperty("id").GetInt32();

        // Magic byte 0, the big-endian schema id, the message indexes [1] (count 1, index 1 as
        // zigzag varints: 0x02 0x02), then the message.
        var records = TopicReader.ReadAll(kafka.BootstrapServers, "spec-readings", Timeout);
        Assert.Equal(Total, records.Count);
        Assert.All(
            records,
            r =>
            {
                var value = r.Message.Value!;
                Assert.Equal(0, value[0]);
                Assert.Equal(id, BinaryPrimitives.ReadInt32BigEndian(value.AsSpan(1, 4)));
                Assert.Equal(new byte[] { 2, 2 }, value[5..7]);
                var reading = KconnectorTests.Telemetry.Reading.Parser.ParseFrom(value[7..]);
                Assert.Equal(reading.Sequence / 4.0, reading.Celsius);
            }
        );

        ReadingsSink.Received.Clear();
        var sink = new ReadingsSinkWorker(
            ReadingsSinkConfig.Parse(
                new Dictionary<string, string?>(settings) { ["topics"] = "spec-readings" }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => sink.RecordsProcessed >= Total);

        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => (long)i),
            ReadingsSink.Received.Select(r => r.Sequence).Order()
        );
        Assert.All(
            ReadingsSink.Received,
            r => Assert.Equal("sensor-" + (r.Sequence % 3), r.Sensor)
        );
    }

    private static string ProjectDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null
            && !File.Exists(Path.Combine(directory.FullName, "KConnector.IntegrationTests.csproj"))
        )
        {
            directory = directory.Parent;
        }
        return directory?.FullName
            ?? throw new InvalidOperationException(
                "The test project's folder is not above " + AppContext.BaseDirectory
            );
    }
}
