using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Hosting;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KConnector.Tests.Worker;

public sealed class ConnectWorkerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HostedWorkerWithoutBootstrapServers_RunsOnTheEmbeddedClusterAndWarnsLoudly()
    {
        var logs = new CapturingLoggerProvider();
        var collected = new ConcurrentBag<string>();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["worker:offset.flush.interval.ms"] = "100",
                // The mock cluster waits a whole session timeout before rebalancing a group that
                // gains a member; Kafka's minimum keeps the test short.
                ["worker:consumer.session.timeout.ms"] = "6000",
                ["gen:name"] = "gen",
                ["collect:name"] = "collect",
                ["collect:topics"] = "seq",
                ["collect:tasks.max"] = "2",
                ["strict:name"] = "strict",
                ["strict:topics"] = "garbage",
            }
        );
        builder.Services.AddKConnectorWorker(builder.Configuration.GetSection("worker"));
        builder.Services.AddSourceConnector(
            builder.Configuration.GetSection("gen"),
            (_, _) => new FourPartitionSource(500),
            _ => new StringConverter(),
            _ => new StringConverter()
        );
        builder.Services.AddSinkConnector(
            builder.Configuration.GetSection("collect"),
            (_, _) => new BagSink(collected),
            _ => new StringConverter(),
            _ => new StringConverter()
        );
        builder.Services.AddSinkConnector(
            builder.Configuration.GetSection("strict"),
            (_, _) => new DiscardSink(),
            _ => new StringConverter(),
            _ => new Int32TextConverter()
        );
        using var host = builder.Build();
        var worker = host.Services.GetRequiredService<ConnectWorker>();
        var controller = host.Services.GetRequiredService<IConnectorController>();

        await host.StartAsync();
        try
        {
            Assert.Contains(
                logs.Messages,
                m =>
                    m.Level == LogLevel.Warning
                    && m.Text.Contains("NOTHING IS DURABLE", StringComparison.Ordinal)
                    && m.Text.Contains(worker.BootstrapServers, StringComparison.Ordinal)
            );
            using (
                var producer = new ProducerBuilder<string, string>(
                    new ProducerConfig { BootstrapServers = worker.BootstrapServers }
                ).Build()
            )
            {
                await producer.ProduceAsync(
                    "garbage",
                    new Message<string, string>
                    {
                        Key = "k",
                        // The converter's message quotes it: the status trace must not (issue 20, item 1).
                        Value = "not a number: http://alice:s3cret@registry/",
                    }
                );
            }
            await Until(() => collected.Distinct().Count() == 2000, "every record in the sink");

            var status = controller.GetStatus("collect");
            Assert.Equal(TaskState.RUNNING, status.State);
            Assert.Equal([0, 1], status.Tasks.Select(t => t.Id));
            // The two tasks share the four partitions (after the second task's join rebalances the group).
            await Until(
                () =>
                    controller
                        .GetTasks("collect")
                        .Cast<SinkTaskRunner<string, string>>()
                        .All(t => t.Assignment.Count == 2),
                "two partitions per task"
            );
            Assert.Equal(["gen", "collect", "strict"], controller.Connectors);

            await Until(
                () => controller.GetStatus("strict").Tasks.Single().State == TaskState.FAILED,
                "the strict sink to fail"
            );
            // As Kafka Connect: the connector stays RUNNING, its task reads FAILED.
            Assert.Equal(TaskState.RUNNING, controller.GetStatus("strict").State);
            var failed = controller.GetStatus("strict").Tasks.Single();
            Assert.Contains("VALUE_CONVERTER", failed.Trace, StringComparison.Ordinal);
            Assert.Matches(@"garbage-\d@0", failed.Trace);
            Assert.DoesNotContain("s3cret", failed.Trace, StringComparison.Ordinal);
            Assert.Contains("http://[hidden]@registry/", failed.Trace, StringComparison.Ordinal);

            controller.Pause("gen");
            Assert.Equal(TaskState.PAUSED, controller.GetStatus("gen").State);
            controller.Resume("gen");
            Assert.Equal(TaskState.RUNNING, controller.GetStatus("gen").State);

            var before = controller.GetTasks("collect");
            await controller.RestartAsync("collect", CancellationToken.None);
            Assert.DoesNotContain(controller.GetTasks("collect"), before.Contains);
            await Until(
                () => controller.GetStatus("collect").State == TaskState.RUNNING,
                "the restarted tasks to run"
            );
            Assert.Throws<KeyNotFoundException>(() => controller.GetStatus("nope"));
        }
        finally
        {
            await host.StopAsync();
        }
        Assert.Equal(TaskState.UNASSIGNED, controller.GetStatus("collect").State);
        await worker.DisposeAsync();
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    private sealed class FourPartitionSource(int perPartition) : ISourceTask<string, string>
    {
        private int _next;

        public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        )
        {
            var batch = new List<SourceRecord<string, string>>();
            for (; _next < perPartition && batch.Count < 100; _next++)
            {
                for (var p = 0; p < 4; p++)
                {
                    batch.Add(
                        new SourceRecord<string, string>
                        {
                            Topic = "seq",
                            Partition = p,
                            Key = "k",
                            Value = $"{p}:{_next.ToString(CultureInfo.InvariantCulture)}",
                        }
                    );
                }
            }
            return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, string>>>(batch);
        }
    }

    private sealed class BagSink(ConcurrentBag<string> bag) : ISinkTask<string, string>
    {
        public ValueTask PutAsync(
            IReadOnlyList<SinkRecord<string, string>> records,
            CancellationToken cancellationToken
        )
        {
            foreach (var record in records)
            {
                bag.Add(record.Value!);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class DiscardSink : ISinkTask<string, int>
    {
        public ValueTask PutAsync(
            IReadOnlyList<SinkRecord<string, int>> records,
            CancellationToken cancellationToken
        ) => ValueTask.CompletedTask;

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class Int32TextConverter : IConverter<int>
    {
        public byte[]? FromConnectData(string topic, int value) =>
            Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture));

        public int ToConnectData(string topic, byte[]? data) =>
            int.Parse(Encoding.UTF8.GetString(data!), CultureInfo.InvariantCulture);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(Messages);

        public void Dispose() { }

        private sealed class Capturing(ConcurrentQueue<(LogLevel, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            ) => messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
