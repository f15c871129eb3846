using System.Collections.Concurrent;
using System.Globalization;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Hosting;
using KConnector.Kafka;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KConnector.Tests.Hosting;

/// <summary>
/// The worker's lifecycle at run time, as Kafka Connect's REST API drives it: a connector added
/// STOPPED has no tasks; its offsets are altered only while STOPPED and the resumed task starts
/// from them; a failing task restarts by itself only when its config asks, and gives up after the
/// limit, staying FAILED with its trace.
/// </summary>
public sealed class ConnectWorkerLifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StoppedConnector_OffsetsAltered_ResumesFromThem()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("lifecycle", partitions: 1);
        using var environment = new ConnectorEnvironment();
        await using var worker = Worker(kafka.BootstrapServers, environment);
        await worker.StartAsync(CancellationToken.None);
        var starts = new ConcurrentQueue<int>();

        await worker.AddConnectorAsync(
            Counting("counter", starts),
            TargetState.STOPPED,
            CancellationToken.None
        );
        Assert.Equal(TaskState.STOPPED, worker.GetStatus("counter").State);
        Assert.Empty(worker.GetStatus("counter").Tasks);
        Assert.Empty(worker.GetOffsets("counter"));
        await Assert.ThrowsAsync<ConnectorExistsException>(() =>
            worker.AddConnectorAsync(
                Counting("counter", starts),
                TargetState.STARTED,
                CancellationToken.None
            )
        );

        await worker.AlterOffsetsAsync(
            "counter",
            [new ConnectorOffset(Partition, new Dictionary<string, string> { ["n"] = "41" })],
            CancellationToken.None
        );
        worker.Resume("counter");
        await Until(() => worker.RecordsProcessed("counter") >= 5, "records after the offset");
        Assert.Equal(42, starts.First());
        Assert.Equal(TaskState.RUNNING, worker.GetStatus("counter").State);

        // Running: altering or resetting offsets is refused, naming the stop endpoint.
        var refused = await Assert.ThrowsAsync<ConnectorStateException>(() =>
            worker.ResetOffsetsAsync("counter", CancellationToken.None)
        );
        Assert.Contains("/connectors/counter/stop", refused.Message, StringComparison.Ordinal);

        await worker.StopConnectorAsync("counter", CancellationToken.None);
        var committed = int.Parse(
            Assert.Single(worker.GetOffsets("counter")).Offset!["n"],
            CultureInfo.InvariantCulture
        );
        Assert.True(committed > 41, "the offset moved on from 41: " + committed);
        await worker.ResetOffsetsAsync("counter", CancellationToken.None);
        Assert.Empty(worker.GetOffsets("counter"));

        await worker.DeleteConnectorAsync("counter", CancellationToken.None);
        Assert.DoesNotContain("counter", worker.Connectors);
        Assert.Throws<KeyNotFoundException>(() => worker.GetStatus("counter"));
    }

    [Fact]
    public async Task FailingTask_WithAutoRestart_RestartsThenStaysFailedAfterTheLimit()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        using var environment = new ConnectorEnvironment();
        await using var worker = Worker(kafka.BootstrapServers, environment);
        await worker.StartAsync(CancellationToken.None);
        var attempts = new StrongCounter();

        await worker.AddConnectorAsync(
            Failing(
                "flaky",
                attempts,
                new Dictionary<string, string?>
                {
                    ["task.restart.auto.enable"] = "true",
                    ["task.restart.max.attempts"] = "2",
                    ["task.restart.backoff.initial.ms"] = "50",
                }
            ),
            TargetState.STARTED,
            CancellationToken.None
        );
        // The first run and two automatic restarts; then it stays FAILED with its trace.
        await Until(() => attempts.Value == 3, "two automatic restarts");
        await Until(
            () => worker.GetStatus("flaky").Tasks.Single().State == TaskState.FAILED,
            "the task to stay FAILED"
        );
        await Task.Delay(500);
        Assert.Equal(3, attempts.Value);
        Assert.False(worker.IsReady);
        Assert.Contains(
            "poll failed, attempt 3",
            worker.GetStatus("flaky").Tasks.Single().Trace,
            StringComparison.Ordinal
        );

        // A restart by hand runs it again (and gives automatic restarts a new budget).
        await worker.RestartTaskAsync("flaky", 0, CancellationToken.None);
        await Until(() => attempts.Value >= 4, "the restart by hand");
    }

    [Fact]
    public async Task FailingTask_WithoutAutoRestart_StaysFailedAsInKafkaConnect()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        using var environment = new ConnectorEnvironment();
        await using var worker = Worker(kafka.BootstrapServers, environment);
        await worker.StartAsync(CancellationToken.None);
        var attempts = new StrongCounter();

        await worker.AddConnectorAsync(
            Failing("strict", attempts, new Dictionary<string, string?>()),
            TargetState.STARTED,
            CancellationToken.None
        );
        await Until(
            () => worker.GetStatus("strict").Tasks.Single().State == TaskState.FAILED,
            "the task to fail"
        );
        // As Kafka Connect: the connector stays RUNNING, its task reads FAILED.
        Assert.Equal(TaskState.RUNNING, worker.GetStatus("strict").State);
        await Task.Delay(1_500);
        Assert.Equal(1, attempts.Value);
        var restarted = await worker.RestartAsync(
            "strict",
            includeTasks: true,
            onlyFailed: true,
            CancellationToken.None
        );
        Assert.Equal(TaskState.RESTARTING, restarted.Tasks.Single().State);
        await Until(() => attempts.Value == 2, "the restart");
    }

    private static readonly Dictionary<string, string> Partition = new() { ["source"] = "counter" };

    private static ConnectWorker Worker(string servers, ConnectorEnvironment environment) =>
        new(
            new Dictionary<string, string>
            {
                ["bootstrap.servers"] = servers,
                ["offset.flush.interval.ms"] = "0",
            },
            [],
            environment
        );

    private static ConnectorRegistration Counting(string name, ConcurrentQueue<int> starts) =>
        Register(
            new Dictionary<string, string?> { ["name"] = name },
            (_, _) => new CountingSource(starts)
        );

    private static ConnectorRegistration Failing(
        string name,
        StrongCounter attempts,
        Dictionary<string, string?> settings
    )
    {
        settings["name"] = name;
        return Register(settings, (_, _) => new FailingSource(attempts));
    }

    private static ConnectorRegistration Register(
        Dictionary<string, string?> settings,
        Func<IServiceProvider, WorkerOptions, ISourceTask<string, string>> task
    )
    {
        var services = new ServiceCollection();
        services.AddSourceConnector(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            task,
            _ => new StringConverter(),
            _ => new StringConverter()
        );
        return services
            .Select(d => d.ImplementationInstance)
            .OfType<ConnectorRegistration>()
            .Single();
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }

    private sealed class StrongCounter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public int Increment() => Interlocked.Increment(ref _value);
    }

    /// <summary>Counts up from the committed offset + 1 (0 with none), recording where it started.</summary>
    private sealed class CountingSource(ConcurrentQueue<int> starts) : ISourceTask<string, string>
    {
        private int _next;

        public void Initialize(SourceTaskContext context)
        {
            var offset = context.OffsetStorageReader.Offset(Partition);
            _next = offset is null ? 0 : int.Parse(offset["n"], CultureInfo.InvariantCulture) + 1;
            starts.Enqueue(_next);
        }

        public async ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        )
        {
            await Task.Delay(10, cancellationToken);
            var n = _next++.ToString(CultureInfo.InvariantCulture);
            return
            [
                new SourceRecord<string, string>
                {
                    Topic = "lifecycle",
                    Value = n,
                    SourcePartition = Partition,
                    SourceOffset = new Dictionary<string, string> { ["n"] = n },
                },
            ];
        }
    }

    private sealed class FailingSource(StrongCounter attempts) : ISourceTask<string, string>
    {
        public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        ) =>
            throw new InvalidOperationException(
                "poll failed, attempt "
                    + attempts.Increment().ToString(CultureInfo.InvariantCulture)
            );
    }
}
