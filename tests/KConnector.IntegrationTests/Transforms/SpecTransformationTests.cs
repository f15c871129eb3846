using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Transforms through the road a spec takes (generated config and worker): the file source spec
/// routes its records with RegexRouter and marks them with InsertHeader; the file sink spec drops,
/// with Filter and two predicates (one negated), records without the mark and tombstones, and
/// still commits their offsets.
/// </summary>
public sealed class SpecTransformationTests : IDisposable
{
    private const int Lines = 40;
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-spec-transforms-")
        .FullName;

    [Fact]
    public async Task FileSourceToFileSink_RoutedMarkedAndFiltered()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("routed-raw", partitions: 1);
        var input = Path.Combine(_directory, "orders.jsonl");
        var output = Path.Combine(_directory, "out.jsonl");
        await File.WriteAllLinesAsync(
            input,
            Enumerable
                .Range(0, Lines)
                .Select(i =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id": "o-{{i}}", "sequence": {{i}}, "amount": 2.5}"""
                    )
                )
        );
        using var environment = new ConnectorEnvironment();
        var source = new SpecOrdersRoutedSourceWorker(
            SpecOrdersRoutedSourceConfig.Parse(
                new Dictionary<string, string?>(SpecOrdersRoutedSourceConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = input,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Lines);
        // Records another producer wrote to the routed topic: unmarked, and a tombstone.
        ProduceUnmarkedAndTombstone(kafka.BootstrapServers);
        var sink = new SpecOrdersRoutedSinkWorker(
            SpecOrdersRoutedSinkConfig.Parse(
                new Dictionary<string, string?>(SpecOrdersRoutedSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                    ["offset.flush.interval.ms"] = "0",
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync(
            [sink],
            () => Committed(kafka.BootstrapServers) >= Lines + 2
        );

        var routed = TopicReader.ReadAll(kafka.BootstrapServers, "routed-raw", WorkerRuns.Deadline);
        Assert.Equal(Lines + 2, routed.Count);
        Assert.All(
            routed.Take(Lines),
            r =>
                Assert.Equal(
                    "file",
                    Encoding.UTF8.GetString(
                        r.Message.Headers.Single(h => h.Key == "origin").GetValueBytes()
                    )
                )
        );
        var sequences = (await File.ReadAllLinesAsync(output))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64())
            .ToList();
        Assert.Equal(Enumerable.Range(0, Lines).Select(i => (long)i), sequences);
        Assert.Equal(Lines + 2, Committed(kafka.BootstrapServers));
    }

    [Theory]
    [InlineData("transforms.dropUnmarked.type", "Filtr", "transforms.dropUnmarked.type")]
    [InlineData(
        "transforms.dropUnmarked.predicate",
        "fromFil",
        "transforms.dropUnmarked.predicate"
    )]
    [InlineData("predicates.fromFile.name", "", "predicates.fromFile.name")]
    public async Task Host_WithABadTransformSetting_FailsToStart_NamingTheKeyTheBuildNames(
        string key,
        string value,
        string reported
    )
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSpecOrdersRoutedSinkConnector(values =>
        {
            values["file"] = Path.Combine(_directory, "never.jsonl");
            values[key] = value;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<KConnector.Configuration.ConfigValidationException>(
            () =>
                host.StartAsync()
        );

        Assert.Equal(reported, Assert.Single(error.Issues).Key);
    }

    private static void ProduceUnmarkedAndTombstone(string bootstrapServers)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        // Two tombstones: one without the mark (dropped by the negated HasHeaderKey), one with it
        // (dropped by RecordIsTombstone); a sink's converters run before its transforms.
        producer.Produce("routed-raw", new Message<byte[]?, byte[]?> { Value = null });
        producer.Produce(
            "routed-raw",
            new Message<byte[]?, byte[]?>
            {
                Value = null,
                Headers = new Headers { { "origin", Encoding.UTF8.GetBytes("file") } },
            }
        );
        producer.Flush(TimeSpan.FromSeconds(10));
    }

    private static long Committed(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "connect-spec-orders-routed-sink",
            }
        ).Build();
        var offset = consumer
            .Committed([new TopicPartition("routed-raw", 0)], TimeSpan.FromSeconds(10))
            .Single()
            .Offset;
        return offset == Offset.Unset ? 0 : offset.Value;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
