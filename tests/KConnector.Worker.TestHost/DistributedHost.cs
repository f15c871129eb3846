using System.Globalization;
using System.Runtime.InteropServices;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Distributed;
using KConnector.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KConnector.Worker.TestHost;

/// <summary>
/// A distributed worker process: <c>distributed &lt;bootstrap.servers&gt; &lt;group.id&gt;
/// &lt;topic prefix&gt; &lt;sink folder&gt; &lt;scheduled.rebalance.max.delay.ms&gt;
/// [worker.key=value ...]</c> (e.g. <c>listeners=http://127.0.0.1:PORT</c>,
/// <c>exactly.once.source.support=enabled</c>). It runs
/// whatever share of the connectors in the config topic the group gives it: connector.class
/// CountingSource (per-partition sequences, split by task; with topic.per.task=true task N writes
/// to "{topic}-N") or FileAppendSink (a file per task).
/// Prints "UNITS a,b" whenever its share changes; SIGTERM stops it cleanly. With listeners it serves
/// Kafka Connect's REST API there (its worker id), creating those connectors.
/// </summary>
internal static class DistributedHost
{
    public static async Task RunAsync(string[] args)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = args[1],
            ["group.id"] = args[2],
            ["config.storage.topic"] = args[3] + "-configs",
            ["offset.storage.topic"] = args[3] + "-offsets",
            ["status.storage.topic"] = args[3] + "-status",
            ["scheduled.rebalance.max.delay.ms"] = args[5],
            ["session.timeout.ms"] = "6000",
            ["heartbeat.interval.ms"] = "1000",
            ["offset.flush.interval.ms"] = "200",
            ["consumer.session.timeout.ms"] = "6000",
            ["consumer.max.poll.records"] = "50",
        };
        foreach (var setting in args.Skip(6))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            settings[setting[..equals]] = setting[(equals + 1)..];
        }
        var listener = settings.GetValueOrDefault("listeners");
        var sinkFolder = args[4];
        using var environment = new ConnectorEnvironment();
        // The worker's own log lines (a leader's fencing round, its assignments) and its tasks'
        // (a transactional task's start), one per line, each with its UTC time to the millisecond.
        using var loggers = LoggerFactory.Create(logging =>
            logging
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.UseUtcTimestamp = true;
                    console.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                })
                .AddFilter("KConnector.Distributed", LogLevel.Information)
                .AddFilter("KConnector.Connector", LogLevel.Information)
                .SetMinimumLevel(LogLevel.Warning)
        );
        var worker = new DistributedWorker(
            settings,
            c => Registration(c, sinkFolder),
            environment,
            loggers
        );
        var stop = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            c =>
            {
                c.Cancel = true;
                stop.TrySetResult();
            }
        );
        await worker.StartAsync(CancellationToken.None).ConfigureAwait(false);
        var rest = listener is null
            ? null
            : await DistributedRest
                .StartAsync(worker, listener, c => Registration(c, sinkFolder))
                .ConfigureAwait(false);
        Console.WriteLine("WORKER " + worker.WorkerId);
        var shown = string.Empty;
        while (!stop.Task.IsCompleted)
        {
            var units = string.Join(",", worker.LocalUnits);
            if (units != shown)
            {
                Console.WriteLine("UNITS " + units);
                shown = units;
            }
            await Task.WhenAny(stop.Task, Task.Delay(100)).ConfigureAwait(false);
        }
        if (rest is not null)
        {
            await rest.StopAsync().ConfigureAwait(false);
            await rest.DisposeAsync().ConfigureAwait(false);
        }
        await worker.DisposeAsync().ConfigureAwait(false);
        Console.WriteLine("STOPPED");
    }

    // The connector's config as the config topic holds it, registered as a hosted worker's.
    private static ConnectorRegistration Registration(
        IReadOnlyDictionary<string, string> config,
        string sinkFolder
    )
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(
                config.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value))
            )
            .Build();
        var services = new ServiceCollection();
        if (config["connector.class"] == "FileAppendSink")
        {
            services.AddSinkConnector(
                section,
                (_, options) =>
                    new FileAppendSinkTask(
                        Path.Combine(sinkFolder, $"sink-{options.TaskId}-{Guid.NewGuid():N}.txt"),
                        TimeSpan.FromMilliseconds(5)
                    ),
                _ => new StringConverter(),
                _ => new StringConverter()
            );
        }
        else
        {
            services.AddSourceConnector(
                section,
                (_, options) =>
                    new CountingSourceTask(
                        TopicOf(config, options.TaskId),
                        Int(config["source.partitions"]),
                        Int(config["per.partition"]),
                        batchSize: 10,
                        TimeSpan.FromMilliseconds(50),
                        options.TaskId,
                        options.TasksMax
                    ),
                _ => new StringConverter(),
                _ => new StringConverter()
            );
        }
        return (ConnectorRegistration)
            services
                .Single(d => d.ServiceType == typeof(ConnectorRegistration))
                .ImplementationInstance!;
    }

    // topic.per.task=true: task N writes to "{topic}-N" (each task's own topic, for active topics).
    private static string TopicOf(IReadOnlyDictionary<string, string> config, int task) =>
        config.GetValueOrDefault("topic.per.task") == "true"
            ? config["topic"] + "-" + task.ToString(CultureInfo.InvariantCulture)
            : config["topic"];

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
