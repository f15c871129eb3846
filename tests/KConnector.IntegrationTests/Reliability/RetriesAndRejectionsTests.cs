using System.Text;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Records;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>Retriable failures of a sink target, and records a put rejects one by one.</summary>
public sealed class RetriesAndRejectionsTests
{
    private const int Partitions = 4;
    private const int PerPartition = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SinkTargetDownFor10Seconds_IsRetriedThenEverythingArrives()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        CleanStopRestartTests.Produce(kafka.BootstrapServers, "seq");
        var target = new CollectingSinkTask { FailRetriablyUntil = DateTime.UtcNow.AddSeconds(10) };
        var sink = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "seq-retry",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["seq"],
                Errors = new ErrorHandlingOptions
                {
                    RetryTimeout = TimeSpan.FromSeconds(60),
                    RetryDelayMax = TimeSpan.FromSeconds(2),
                },
            },
            target,
            new StringConverter(),
            new StringConverter()
        );

        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => target.DurableCount >= Partitions * PerPartition,
            Wait,
            "every record",
            run
        );
        await stop.CancelAsync();
        await run;

        Assert.True(
            target.RetriableFailures >= 4,
            $"only {target.RetriableFailures} failed attempts in 10 s"
        );
        Assert.Equal(target.RetriableFailures, sink.Metrics.TotalRetries);
        SequenceCheck.ExactlyOnce(target.Durable, Partitions, PerPartition);
    }

    [Fact]
    public async Task StopWhileRetryingForEver_StopsPromptlyAndCommitsNothingUnwritten()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        CleanStopRestartTests.Produce(kafka.BootstrapServers, "seq");
        var target = new CollectingSinkTask { FailRetriablyUntil = DateTime.MaxValue };
        var sink = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "seq-forever",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["seq"],
                Errors = new ErrorHandlingOptions
                {
                    RetryTimeout = Timeout.InfiniteTimeSpan,
                    RetryDelayMax = TimeSpan.FromMilliseconds(500),
                },
            },
            target,
            new StringConverter(),
            new StringConverter()
        );

        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => target.RetriableFailures >= 3,
            Wait,
            "three failed puts",
            run
        );
        await stop.CancelAsync();
        var stopped = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(15)));

        Assert.Same(run, stopped);
        await run;
        Assert.Equal(TaskState.UNASSIGNED, sink.State);
        Assert.Equal(0, sink.RecordsCommitted);
        Assert.Empty(target.Durable);
    }

    [Fact]
    public async Task PutRejectsSingleRecords_UnderToleranceAllTheyAreDeadLetteredAndTheRestArrives()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        kafka.CreateTopic("seq-dlq", partitions: 1);
        CleanStopRestartTests.Produce(kafka.BootstrapServers, "seq");
        static bool Rejected(string value) => value.EndsWith('7');
        var target = new CollectingSinkTask
        {
            Reject = r =>
                Rejected(r.Value!)
                    ? new InvalidOperationException($"Constraint violated by {r.Value}")
                    : null,
        };
        var sink = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "seq-reject",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["seq"],
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    DeadLetterQueueTopicName = "seq-dlq",
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            target,
            new StringConverter(),
            new StringConverter()
        );

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
        Assert.Equal(all.Where(v => !Rejected(v)).Order(), target.Durable.Order());
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, "seq-dlq", Wait);
        Assert.Equal(
            all.Where(Rejected).Order(),
            dead.Select(d => Encoding.UTF8.GetString(d.Message.Value!)).Order()
        );
        var headers = dead[0]
            .Message.Headers.ToDictionary(
                h => h.Key,
                h => Encoding.UTF8.GetString(h.GetValueBytes())
            );
        Assert.Equal("TASK_PUT", headers["__connect.errors.stage"]);
        Assert.Equal(typeof(CollectingSinkTask).FullName, headers["__connect.errors.class.name"]);
        Assert.Equal(
            "System.InvalidOperationException",
            headers["__connect.errors.exception.class.name"]
        );
    }

    [Fact]
    public async Task SourceConversionFailures_UnderToleranceAllGoToTheSourceDeadLetterQueue()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("out", partitions: 2);
        kafka.CreateTopic("out-dlq", partitions: 1);
        var task = new ListSourceTask(
            Enumerable
                .Range(0, 100)
                .Select(i => new SourceRecord<string, string>
                {
                    Topic = "out",
                    Key = "k" + i,
                    Value = i % 10 == 3 ? $"bad-{i}" : $"sp-0:{i}",
                    SourcePartition = new Dictionary<string, string> { ["source"] = "list" },
                    SourceOffset = new Dictionary<string, string>
                    {
                        ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                })
                .ToList()
        );
        var source = new SourceTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "list-source",
                BootstrapServers = kafka.BootstrapServers,
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    DeadLetterQueueTopicName = "out-dlq",
                    DeadLetterQueueContextHeadersEnable = true,
                },
            },
            task,
            new StringConverter(),
            new StrictSequenceConverter()
        );

        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Done && task.Committed.Count == 100,
            Wait,
            "every record done",
            run
        );
        await stop.CancelAsync();
        await run;

        var written = TopicReader.ReadAll(kafka.BootstrapServers, "out", Wait);
        Assert.Equal(90, written.Count);
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, "out-dlq", Wait);
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => "k" + (i * 10 + 3)),
            dead.Select(d => Encoding.UTF8.GetString(d.Message.Key!))
        );
        // The value the converter could not write is kept, as UTF-8 text (a string value), and
        // the header says so: a copy a user can replay, never an empty value (issue 20, item 2).
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => "bad-" + (i * 10 + 3)),
            dead.Select(d => Encoding.UTF8.GetString(d.Message.Value!))
        );
        var headers = dead[0]
            .Message.Headers.ToDictionary(
                h => h.Key,
                h => Encoding.UTF8.GetString(h.GetValueBytes())
            );
        Assert.Equal("VALUE_CONVERTER", headers["__connect.errors.stage"]);
        Assert.Equal("utf-8", headers["__kconnector.errors.value.encoding"]);
        Assert.Equal("{\"source\":\"list\"}", headers["__kconnector.errors.source.partition"]);
        Assert.Equal("{\"i\":\"3\"}", headers["__kconnector.errors.source.offset"]);
        Assert.False(headers.ContainsKey("__connect.errors.offset"));
        Assert.Equal(10, task.Committed.Count(c => c.Metadata is null));
    }
}
