using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>A clean stop mid-stream and a restart lose nothing and repeat nothing.</summary>
public sealed class CleanStopRestartTests : IDisposable
{
    private const int Partitions = 4;
    private const int PerPartition = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-restart-")
        .FullName;

    [Fact]
    public async Task Source_StoppedCleanlyMidStreamAndRestarted_WritesEverySequenceExactlyOnce()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: 4);
        var offsetsFile = Path.Combine(_directory, "offsets.json");
        var options = new WorkerOptions
        {
            Name = "seq-source",
            BootstrapServers = kafka.BootstrapServers,
            OffsetFlushInterval = TimeSpan.FromMilliseconds(200),
        };

        // First run: stopped cleanly once part of the stream is acknowledged.
        var firstTask = new SequenceSourceTask("seq", Partitions, PerPartition, batchSize: 50)
        {
            PollDelay = TimeSpan.FromMilliseconds(5),
        };
        await using (var store = new FileOffsetBackingStore(offsetsFile))
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
                () => first.RecordsAcknowledged >= 1000,
                Wait,
                "1000 acknowledged records",
                run
            );
            await stop.CancelAsync();
            await run;
            Assert.InRange(first.RecordsAcknowledged, 1000, Partitions * PerPartition - 1);
            Assert.True(firstTask.Committed > 0, "the task's commit hook never ran");
        }

        // Second run, new store over the same file, new task: resumes from the committed offsets.
        await using (var store = new FileOffsetBackingStore(offsetsFile))
        {
            await new SequenceSourceTask(
                "seq",
                Partitions,
                PerPartition,
                batchSize: 200
            ).RunToTheEndAsync(
                options with
                {
                    OffsetStore = store,
                },
                "the rest of the stream",
                Wait
            );
        }

        var values = TopicReader
            .ReadAll(kafka.BootstrapServers, "seq", Wait)
            .Select(r => Encoding.UTF8.GetString(r.Message.Value!));
        SequenceCheck.ExactlyOnce(values, Partitions, PerPartition);
    }

    [Fact]
    public async Task Sink_StoppedCleanlyMidStreamAndRestarted_PutsEverySequenceExactlyOnce()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: 4);
        Produce(kafka.BootstrapServers, "seq");
        var target = new CollectingSinkTask { PutDelay = TimeSpan.FromMilliseconds(20) };
        var options = new WorkerOptions
        {
            Name = "seq-sink",
            BootstrapServers = kafka.BootstrapServers,
            Topics = ["seq"],
            MaxPollRecords = 100,
            OffsetFlushInterval = TimeSpan.FromMilliseconds(300),
            ClientConfig = Reliability.MockGroup.RestartFriendly,
        };
        var first = new SinkTaskRunner<string, string>(
            options,
            target,
            new StringConverter(),
            new StringConverter()
        );
        using (var stop = new CancellationTokenSource())
        {
            var run = first.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => target.DurableCount >= 1000,
                Wait,
                "1000 durable records",
                run
            );
            await stop.CancelAsync();
            await run;
        }
        var afterFirst = target.DurableCount;
        Assert.InRange(afterFirst, 1000, Partitions * PerPartition - 1);
        Assert.Equal(afterFirst, first.RecordsCommitted);

        var second = new SinkTaskRunner<string, string>(
            options,
            target,
            new StringConverter(),
            new StringConverter()
        );
        using (var stop = new CancellationTokenSource())
        {
            var run = second.RunAsync(stop.Token);
            await TopicReader.WaitUntilAsync(
                () => target.DurableCount >= Partitions * PerPartition,
                Wait,
                "every record",
                run
            );
            await Task.Delay(500); // A duplicate would show up now.
            await stop.CancelAsync();
            await run;
        }

        SequenceCheck.ExactlyOnce(target.Durable, Partitions, PerPartition);
        Assert.Equal(Partitions * PerPartition, first.RecordsCommitted + second.RecordsCommitted);
    }

    internal static void Produce(string bootstrapServers, string topic)
    {
        using var producer = new ProducerBuilder<string, string>(
            new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true }
        ).Build();
        for (var seq = 0; seq < PerPartition; seq++)
        {
            for (var p = 0; p < Partitions; p++)
            {
                var name = "sp-" + p.ToString(CultureInfo.InvariantCulture);
                producer.Produce(
                    new TopicPartition(topic, p),
                    new Message<string, string>
                    {
                        Key = name,
                        Value = name + ":" + seq.ToString(CultureInfo.InvariantCulture),
                    }
                );
            }
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
