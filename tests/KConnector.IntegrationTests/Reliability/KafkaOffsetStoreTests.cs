using System.Text;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>Source offsets in an offsets topic, written as Kafka Connect writes them, survive a restart.</summary>
public sealed class KafkaOffsetStoreTests
{
    private const int Partitions = 2;
    private const int PerPartition = 500;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SourceWithAnOffsetsTopic_RestartsFromTheCommittedOffsets()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: 4);
        kafka.CreateTopic("connect-offsets", partitions: 5);
        var options = new WorkerOptions
        {
            Name = "seq-source",
            BootstrapServers = kafka.BootstrapServers,
            OffsetFlushInterval = TimeSpan.FromMilliseconds(100),
        };

        var firstTask = new SequenceSourceTask("seq", Partitions, PerPartition, batchSize: 10)
        {
            PollDelay = TimeSpan.FromMilliseconds(5),
        };
        await using (
            var store = new KafkaOffsetBackingStore("connect-offsets", kafka.BootstrapServers)
        )
        {
            var first = new SourceTaskRunner<string, string>(
                options with
                {
                    OffsetStore = store,
                },
                firstTask,
                new StringConverter(),
                new StringConverter()
            );
            using var stop = new CancellationTokenSource();
            var run = first.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => first.RecordsAcknowledged >= 300,
                Wait,
                "300 records",
                run
            );
            await stop.CancelAsync();
            await run;
            Assert.False(firstTask.Exhausted);
        }

        var offsetRecords = TopicReader.ReadAll(kafka.BootstrapServers, "connect-offsets", Wait);
        Assert.NotEmpty(offsetRecords);
        var keys = offsetRecords
            .Select(r => Encoding.UTF8.GetString(r.Message.Key!))
            .Distinct()
            .Order()
            .ToList();
        Assert.Equal(
            ["[\"seq-source\",{\"source\":\"sp-0\"}]", "[\"seq-source\",{\"source\":\"sp-1\"}]"],
            keys
        );
        Assert.All(
            offsetRecords,
            r =>
                Assert.Matches(
                    "^\\{\"seq\":\"\\d+\"\\}$",
                    Encoding.UTF8.GetString(r.Message.Value!)
                )
        );

        // A new store (a new worker process would have one) reads the topic and the task resumes.
        await using (
            var store = new KafkaOffsetBackingStore("connect-offsets", kafka.BootstrapServers)
        )
        {
            await new SequenceSourceTask(
                "seq",
                Partitions,
                PerPartition,
                batchSize: 100
            ).RunToTheEndAsync(options with { OffsetStore = store }, "the rest", Wait);
        }

        var values = TopicReader
            .ReadAll(kafka.BootstrapServers, "seq", Wait)
            .Select(r => Encoding.UTF8.GetString(r.Message.Value!));
        SequenceCheck.ExactlyOnce(values, Partitions, PerPartition);
    }
}
