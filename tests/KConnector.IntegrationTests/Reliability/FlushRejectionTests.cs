using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// Records a sink names as refused in its flush (not its put) get what a put's rejections get:
/// under errors.tolerance=all each goes to the dead-letter queue with its original key and value
/// (read back from Kafka), stage TASK_PUT and the target's message, and the offsets move past them;
/// under errors.tolerance=none the task fails without committing past them.
/// </summary>
public sealed class FlushRejectionTests
{
    private const int Partitions = 4;
    private const int PerPartition = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static bool Refused(string value) => value.EndsWith("13", StringComparison.Ordinal);

    [Fact]
    public async Task RecordsRefusedInFlush_UnderToleranceAll_AreDeadLetteredWithTheirOriginalValue()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        kafka.CreateTopic("seq-dlq", partitions: 1);
        CleanStopRestartTests.Produce(kafka.BootstrapServers, "seq");
        var target = new FlushRefusingSinkTask(Refused);
        var sink = Runner(kafka, target, ErrorTolerance.All);

        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => sink.RecordsCommitted >= Partitions * PerPartition,
            Wait,
            "every record committed",
            run
        );
        await stop.CancelAsync();
        await run;

        var all = SequenceCheck.All(Partitions, PerPartition);
        Assert.Equal(all.Where(v => !Refused(v)).Order(), target.Durable.Order());
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, "seq-dlq", Wait);
        Assert.Equal(
            all.Where(Refused).Order(),
            dead.Select(d => Encoding.UTF8.GetString(d.Message.Value!)).Order()
        );
        Assert.All(
            dead,
            d =>
            {
                var headers = d.Message.Headers.ToDictionary(
                    h => h.Key,
                    h => Encoding.UTF8.GetString(h.GetValueBytes())
                );
                var value = Encoding.UTF8.GetString(d.Message.Value!);
                Assert.Equal("TASK_PUT", headers[DeadLetterQueueHeaders.Stage]);
                Assert.Equal(
                    $"the target refused {value} at flush",
                    headers[DeadLetterQueueHeaders.ExceptionMessage]
                );
                Assert.Equal(value.Split(':')[0], Encoding.UTF8.GetString(d.Message.Key!));
            }
        );
    }

    [Fact]
    public async Task RecordRefusedInFlush_UnderToleranceNone_FailsTheTask_CommittingNothingPastIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        CleanStopRestartTests.Produce(kafka.BootstrapServers, "seq");
        var sink = Runner(kafka, new FlushRefusingSinkTask(Refused), ErrorTolerance.None);

        using var stop = new CancellationTokenSource(Wait);
        var error = await Assert.ThrowsAsync<ConnectException>(() => sink.RunAsync(stop.Token));

        Assert.Equal(Stage.TASK_PUT, error.Stage);
        Assert.Contains("at flush", error.Message, StringComparison.Ordinal);
        // Record 13 of each partition is refused: no partition's commit may pass it.
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "connect-seq-flush-refusing",
            }
        ).Build();
        var committed = consumer.Committed(
            Enumerable.Range(0, Partitions).Select(p => new TopicPartition("seq", p)),
            TimeSpan.FromSeconds(10)
        );
        Assert.All(committed, c => Assert.True(c.Offset.Value <= 13, $"committed {c}"));
    }

    private static SinkTaskRunner<string, string> Runner(
        EmbeddedKafka kafka,
        FlushRefusingSinkTask target,
        ErrorTolerance tolerance
    ) =>
        new(
            new WorkerOptions
            {
                Name = "seq-flush-refusing",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["seq"],
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = tolerance,
                    DeadLetterQueueTopicName = tolerance == ErrorTolerance.All ? "seq-dlq" : null,
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            target,
            new StringConverter(),
            new StringConverter()
        );
}
