using System.Collections.Concurrent;
using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.GeneratedCode;
using KConnector.Hosting;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Worker;

namespace KConnector.Tests.Hosting;

/// <summary>
/// A start that fails part-way (a later task or connector refused by its rules across keys) leaves
/// nothing behind: every task already made is released (its task stopped and disposed, its
/// converters' clients freed) before the failure is reported, and nothing runs.
/// </summary>
public sealed class PartWayStartTests
{
    [Fact]
    public async Task ALaterTaskRefused_ReleasesTheTasksAlreadyMade()
    {
        var released = new ConcurrentBag<string>();
        using var environment = new ConnectorEnvironment();
        await using var worker = Worker(
            environment,
            Sink("orders", tasks: 3, refuseTask: 2, released)
        );

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() =>
            worker.StartAsync(CancellationToken.None)
        );

        Assert.Equal("pk.mode", Assert.Single(error.Issues).Key);
        Assert.Equal(["orders-0", "orders-1"], released.Order(StringComparer.Ordinal));
        Assert.Empty(worker.Connectors);
    }

    [Fact]
    public async Task ALaterConnectorRefused_ReleasesTheFirstConnectorsTasks()
    {
        var released = new ConcurrentBag<string>();
        using var environment = new ConnectorEnvironment();
        await using var worker = Worker(
            environment,
            Sink("audit", tasks: 2, refuseTask: null, released),
            Sink("ledger", tasks: 1, refuseTask: 0, released)
        );

        await Assert.ThrowsAsync<ConfigValidationException>(() =>
            worker.StartAsync(CancellationToken.None)
        );

        Assert.Equal(["audit-0", "audit-1"], released.Order(StringComparer.Ordinal));
        Assert.Empty(worker.Connectors);
    }

    [Fact]
    public async Task ATaskThatRan_IsNotReleasedTwice()
    {
        var released = new ConcurrentBag<string>();
        var runner = Runner("once", 0, released);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();

        await runner.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(30));
        await runner.ReleaseUnrunAsync();

        Assert.Equal(["once-0"], released);
    }

    private static ConnectWorker Worker(
        ConnectorEnvironment environment,
        params ConnectorRegistration[] registrations
    ) =>
        new(
            new Dictionary<string, string> { ["bootstrap.servers"] = "127.0.0.1:1" },
            registrations,
            environment
        );

    // A sink whose task refuseTask is refused as it is made, the way a connector's own rules
    // across keys refuse a config in its CreateTask.
    private static ConnectorRegistration Sink(
        string name,
        int tasks,
        int? refuseTask,
        ConcurrentBag<string> released
    ) =>
        ConnectorRegistration.ForValidated(
            isSink: true,
            _ => new ValidatedConnector(
                new ConfigDefinition("Test", []).Parse(
                    new Dictionary<string, string?>
                    {
                        ["name"] = name,
                        ["topics"] = name,
                        ["tasks.max"] = tasks.ToString(
                            System.Globalization.CultureInfo.InvariantCulture
                        ),
                    }
                ),
                (options, _) =>
                    options.TaskId == refuseTask
                        ? throw new ConfigValidationException(
                            name,
                            [new ConfigIssue("pk.mode", "upsert needs a primary key")]
                        )
                        : Runner(name, options.TaskId, released, options)
            )
        );

    private static SinkTaskRunner<string, string> Runner(
        string name,
        int id,
        ConcurrentBag<string> released,
        WorkerOptions? options = null
    ) =>
        new(
            options
                ?? new WorkerOptions
                {
                    Name = name,
                    BootstrapServers = "127.0.0.1:1",
                    TaskId = id,
                    Topics = [name],
                },
            new NothingSink(),
            new StringConverter(),
            new StringConverter()
        )
        {
            Stopped = () =>
            {
                released.Add(name + "-" + id);
                return Task.CompletedTask;
            },
        };

    private sealed class NothingSink : ISinkTask<string, string>
    {
        public ValueTask PutAsync(
            IReadOnlyList<SinkRecord<string, string>> records,
            CancellationToken cancellationToken
        ) => ValueTask.CompletedTask;

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
