using System.Globalization;
using Confluent.Kafka;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.File.Tests.Records;
using KConnector.Connectors.Shapes;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.SchemaRegistry;
using KConnector.Worker;

namespace KConnector.Connectors.File.Tests;

/// <summary>
/// The file source inside the worker, in standalone mode (offset.storage.file.filename): stopped
/// after the first lines and restarted over the same offsets file, it neither skips nor repeats a line.
/// </summary>
public sealed class FileSourceWorkerRestartTests : IDisposable
{
    private const string Topic = "readings";
    private readonly string _dir = Directory
        .CreateTempSubdirectory("kconnector-file-worker-")
        .FullName;

    [Fact]
    public async Task StopAndRestart_ResumesFromTheCommittedPosition_NoGapsNoDuplicates()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        var data = Path.Combine(input, "readings.jsonl");
        var offsets = Path.Combine(_dir, "offsets.json");
        var scope = Guid.NewGuid().ToString("N");
        await System.IO.File.WriteAllTextAsync(data, Lines(0, 100));

        await RunUntilProducedAsync(kafka, input, offsets, scope, expectedTotal: 100);
        await System.IO.File.AppendAllTextAsync(data, Lines(100, 150));
        await RunUntilProducedAsync(kafka, input, offsets, scope, expectedTotal: 250);

        var ids = ReadIds(kafka, scope, expected: 250);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (long)i), ids);
    }

    private static async Task RunUntilProducedAsync(
        EmbeddedKafka kafka,
        string input,
        string offsets,
        string scope,
        int expectedTotal
    )
    {
        var source = new FileSourceTask<Reading>(
            FileSourceOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["directory"] = input,
                    ["file.pattern"] = "*.jsonl",
                    ["topic"] = Topic,
                    ["poll.interval.ms"] = "10",
                }
            ),
            new AvroRecordAccessor<Reading>()
        );
        var runner = new SourceTaskRunner<string, Reading>(
            new WorkerOptions
            {
                Name = "readings-file-source",
                BootstrapServers = kafka.BootstrapServers,
                OffsetStore = new FileOffsetBackingStore(offsets),
            },
            source,
            new StringConverter(),
            new AvroConverter<Reading>(new MockSchemaRegistryClient(scope), isKey: false)
        );
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (
            HighWatermark(kafka) < expectedTotal && DateTime.UtcNow < deadline && !run.IsCompleted
        )
        {
            await Task.Delay(50);
        }
        // Let a poll that could repeat lines happen before the clean stop.
        await Task.Delay(300);
        await stop.CancelAsync();
        await run;
        source.Dispose();
    }

    private static long HighWatermark(EmbeddedKafka kafka)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "watermark" }
        ).Build();
        return consumer
            .QueryWatermarkOffsets(new TopicPartition(Topic, 0), TimeSpan.FromSeconds(10))
            .High.Value;
    }

    private static List<long> ReadIds(EmbeddedKafka kafka, string scope, int expected)
    {
        var converter = new AvroConverter<Reading>(
            new MockSchemaRegistryClient(scope),
            isKey: false
        );
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "reader-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnablePartitionEof = true,
            }
        ).Build();
        consumer.Subscribe(Topic);
        var ids = new List<long>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                if (ids.Count >= expected)
                {
                    break;
                }
                continue;
            }
            ids.Add(converter.ToConnectData(Topic, result.Message.Value)!.Id);
        }
        consumer.Close();
        return ids;
    }

    private static string Lines(int from, int count) =>
        string.Concat(
            Enumerable
                .Range(from, count)
                .Select(i =>
                    $$"""{"id":{{i.ToString(CultureInfo.InvariantCulture)}},"sensor":"s{{(i % 3).ToString(CultureInfo.InvariantCulture)}}","value":1.5}"""
                    + "\n"
                )
        );

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
