using System.Text.Json;
using Confluent.Kafka;
using KConnector.Connectors.File;
using KConnector.Converters;
using KConnector.IntegrationTests.Events;
using KConnector.Kafka;
using KConnector.SchemaRegistry;
using KConnector.Worker;

namespace KConnector.IntegrationTests;

/// <summary>
/// One record's whole journey: .avsc -> generated type and codec -> source task -> Avro over the
/// embedded cluster -> sink task -> JSON-lines file.
/// </summary>
public sealed class WalkingSkeletonTests : IDisposable
{
    private const int Total = 10_000;
    private const string Topic = "events";
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-skeleton-")
        .FullName;

    [Fact]
    public async Task TenThousandRecordsOverFourPartitions_ArriveInTheFileExactlyOnce()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 4);
        var output = Path.Combine(_directory, "events.jsonl");
        var scope = Guid.NewGuid().ToString("N");
        var source = new SourceTaskRunner<string, SequencedEvent>(
            new WorkerOptions { Name = "events-source", BootstrapServers = kafka.BootstrapServers },
            new SequencedEventsSourceTask(Topic, Total, batchSize: 250),
            new StringConverter(),
            new AvroConverter<SequencedEvent>(new MockSchemaRegistryClient(scope), isKey: false)
        );
        using var fileSink = new JsonLinesFileSinkTask<string, SequencedEvent>(output);
        var sink = new SinkTaskRunner<string, SequencedEvent>(
            new WorkerOptions
            {
                Name = "events-file",
                BootstrapServers = kafka.BootstrapServers,
                Topics = [Topic],
            },
            fileSink,
            new StringConverter(),
            new AvroConverter<SequencedEvent>(new MockSchemaRegistryClient(scope), isKey: false)
        );

        using var stop = new CancellationTokenSource();
        var runs = new[] { source.RunAsync(stop.Token), sink.RunAsync(stop.Token) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (
            sink.RecordsCommitted < Total
            && DateTime.UtcNow < deadline
            && !runs.Any(r => r.IsCompleted)
        )
        {
            await Task.Delay(100);
        }
        // Linger a little: a duplicate delivery would show up now.
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(runs);

        Assert.Equal(Total, source.RecordsAcknowledged);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(Total, lines.Length);
        var sequences = lines
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64())
            .Order()
            .ToList();
        Assert.Equal(Enumerable.Range(0, Total).Select(i => (long)i), sequences);

        var first = JsonDocument
            .Parse(lines.First(l => l.Contains("\"sequence\":4,", StringComparison.Ordinal)))
            .RootElement;
        Assert.Equal("evt-4", first.GetProperty("id").GetString());
        Assert.Equal(2.0, first.GetProperty("amount").GetDouble());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("comment").ValueKind);

        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "watermarks" }
        ).Build();
        var perPartition = Enumerable
            .Range(0, 4)
            .Select(p =>
                consumer
                    .QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10))
                    .High.Value
            )
            .ToList();
        Assert.All(
            perPartition,
            count => Assert.True(count > 0, "a partition received no records")
        );
        Assert.Equal(Total, perPartition.Sum());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
