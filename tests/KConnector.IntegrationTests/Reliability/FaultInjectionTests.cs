using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// A source and a sink running while the cluster misbehaves: every broker down for several seconds,
/// a partition leader moving, and injected Produce, Fetch and OffsetCommit errors. Nothing is lost.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private const int Partitions = 4;
    private const int PerPartition = 2000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-faults-")
        .FullName;

    [Fact]
    public async Task BrokersDownAndRequestErrors_SourceAndSinkLoseNothing()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        await using var store = new FileOffsetBackingStore(
            Path.Combine(_directory, "offsets.json")
        );
        var task = new SequenceSourceTask("seq", Partitions, PerPartition, batchSize: 20)
        {
            PollDelay = TimeSpan.FromMilliseconds(5),
        };
        var source = new SourceTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "seq-source",
                BootstrapServers = kafka.BootstrapServers,
                OffsetFlushInterval = TimeSpan.FromMilliseconds(200),
                OffsetStore = store,
            },
            task,
            new StringConverter(),
            new StringConverter()
        );
        var target = new CollectingSinkTask();
        var sink = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "seq-sink",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["seq"],
                OffsetFlushInterval = TimeSpan.FromMilliseconds(300),
            },
            target,
            new StringConverter(),
            new StringConverter()
        );
        using var stop = new CancellationTokenSource();
        var runs = new[] { source.RunAsync(stop.Token), sink.RunAsync(stop.Token) };
        await TopicReader.WaitUntilAsync(
            () => target.DurableCount >= 500,
            Wait,
            "the pipeline to flow",
            runs
        );

        kafka.PushRequestErrors(
            KafkaApiKey.Produce,
            ErrorCode.NotLeaderForPartition,
            ErrorCode.RequestTimedOut,
            ErrorCode.NotLeaderForPartition,
            ErrorCode.RequestTimedOut
        );
        kafka.PushRequestErrors(
            KafkaApiKey.Fetch,
            ErrorCode.NotLeaderForPartition,
            ErrorCode.RequestTimedOut,
            ErrorCode.NetworkException
        );
        kafka.PushRequestErrors(
            KafkaApiKey.OffsetCommit,
            ErrorCode.RebalanceInProgress,
            ErrorCode.RequestTimedOut,
            ErrorCode.RebalanceInProgress
        );
        await Task.Delay(500);
        kafka.SetPartitionLeader("seq", 0, 2);
        kafka.SetAllBrokersDown();
        await Task.Delay(TimeSpan.FromSeconds(5));
        kafka.SetAllBrokersUp();

        await TopicReader.WaitUntilAsync(
            () => task.Exhausted && source.RecordsAcknowledged == source.RecordsPolled,
            Wait,
            "the source to finish",
            runs
        );
        await TopicReader.WaitUntilAsync(
            () => target.Durable.Distinct().Count() >= Partitions * PerPartition,
            Wait,
            "the sink to catch up",
            runs
        );
        await stop.CancelAsync();
        await Task.WhenAll(runs);

        // The idempotent producer turns the retried produce requests into no duplicates at all.
        var written = TopicReader
            .ReadAll(kafka.BootstrapServers, "seq", Wait)
            .Select(r => Encoding.UTF8.GetString(r.Message.Value!));
        SequenceCheck.ExactlyOnce(written, Partitions, PerPartition);
        SequenceCheck.NoGaps(target.Durable, Partitions, PerPartition);
        Assert.Equal(
            Partitions,
            new OffsetStorageReader(store, "seq-source")
                .Offsets(
                    Enumerable
                        .Range(0, Partitions)
                        .Select(p =>
                            (IReadOnlyDictionary<string, string>)
                                new Dictionary<string, string> { ["source"] = $"sp-{p}" }
                        )
                )
                .Count(o =>
                    o.Offset["seq"]
                    == (PerPartition - 1).ToString(
                        System.Globalization.CultureInfo.InvariantCulture
                    )
                )
        );
    }

    [Fact]
    public async Task ProduceFailedForGood_SourceFailsCommitsNothingPastItAndARestartLosesNothing()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        await using var store = new FileOffsetBackingStore(
            Path.Combine(_directory, "offsets.json")
        );
        var options = new WorkerOptions
        {
            Name = "seq-source",
            BootstrapServers = kafka.BootstrapServers,
            OffsetFlushInterval = TimeSpan.FromMilliseconds(100),
            OffsetStore = store,
        };
        var first = new SourceTaskRunner<string, string>(
            options,
            new SequenceSourceTask("seq", Partitions, PerPartition, batchSize: 20)
            {
                PollDelay = TimeSpan.FromMilliseconds(5),
            },
            new StringConverter(),
            new StringConverter()
        );
        using (var stop = new CancellationTokenSource(Wait))
        {
            var run = first.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => first.RecordsAcknowledged >= 500,
                Wait,
                "the source to flow",
                run
            );
            // librdkafka does not retry a NETWORK_EXCEPTION produce response: the record fails for good.
            kafka.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.NetworkException);
            var error = await Assert.ThrowsAsync<KConnector.Errors.ConnectException>(() => run);
            Assert.Equal(KConnector.Errors.Stage.KAFKA_PRODUCE, error.Stage);
        }
        Assert.Equal(TaskState.FAILED, first.State);

        await new SequenceSourceTask(
            "seq",
            Partitions,
            PerPartition,
            batchSize: 200
        ).RunToTheEndAsync(options, "the restarted source to finish", Wait);

        var written = TopicReader
            .ReadAll(kafka.BootstrapServers, "seq", Wait)
            .Select(r => Encoding.UTF8.GetString(r.Message.Value!));
        SequenceCheck.NoGaps(written, Partitions, PerPartition);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
