using System.Diagnostics;
using KConnector.Connectors;
using KConnector.Hosting;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KConnector.Quickstart;

/// <summary>
/// Hosts the quickstart's two connectors, which are the two specs beside this file and nothing
/// else: <c>orders-file-source.connector.json</c> (a file source reading JSON lines into Avro
/// orders, malformed lines to the dead-letter queue) and <c>orders-sqlite-sink.connector.json</c>
/// (a JDBC sink upserting them into a SQLite table). The generator turned each spec into a config
/// class, a worker and an <c>Add{Name}Connector</c> registration; this class only registers them in a
/// .NET host, with the paths it was given, and watches them until the file is through.
/// </summary>
public static class OrdersPipeline
{
    /// <summary>The source connector's name (its spec's <c>name</c>).</summary>
    public static string SourceName => Spec(OrdersFileSourceConfig.SpecValues, "name");

    /// <summary>The sink connector's name (its spec's <c>name</c>).</summary>
    public static string SinkName => Spec(OrdersSqliteSinkConfig.SpecValues, "name");

    /// <summary>The topic orders are written to (the source spec's <c>topic</c>).</summary>
    public static string Topic => Spec(OrdersFileSourceConfig.SpecValues, "topic");

    /// <summary>The file source's dead-letter queue (<c>errors.deadletterqueue.topic.name</c>).</summary>
    public static string DeadLetterTopic =>
        Spec(OrdersFileSourceConfig.SpecValues, "errors.deadletterqueue.topic.name");

    /// <summary>The table the sink writes (the sink spec's <c>table.name.format</c>).</summary>
    public static string Table => Spec(OrdersSqliteSinkConfig.SpecValues, "table.name.format");

    /// <summary>
    /// Runs the two connectors over <paramref name="ordersFile"/> (the source spec's <c>file</c>)
    /// into <c>orders.db</c> in <paramref name="outputDirectory"/> (the sink spec's
    /// <c>connection.url</c>) until every line is written or dead-lettered (or
    /// <paramref name="timeout"/> passes, or a connector fails), then exports the dead-letter queue
    /// to <c>orders-dlq.jsonl</c> beside the database. <paramref name="progress"/> is called about
    /// twice a second, and once at the end.
    /// </summary>
    public static async Task<QuickstartResult> RunAsync(
        string ordersFile,
        string outputDirectory,
        Action<QuickstartProgress>? progress = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default
    )
    {
        ordersFile = Path.GetFullPath(ordersFile);
        Directory.CreateDirectory(outputDirectory);
        var database = Path.GetFullPath(Path.Combine(outputDirectory, "orders.db"));
        var deadLetterFile = Path.GetFullPath(Path.Combine(outputDirectory, "orders-dlq.jsonl"));
        var lines = File.ReadLines(ordersFile).Count(l => l.Length > 0);

        // What a user's Program.cs holds: the registrations the generator wrote for the specs,
        // with the run's paths over the specs' values. No bootstrap.servers: the embedded cluster.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // A worker key, as in Kafka Connect's worker properties: sinks commit offsets (and count
        // records as written) every offset.flush.interval.ms, 60 s by default; the demo commits
        // twice a second so that its progress moves and it ends as soon as the table is complete.
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Worker:offset.flush.interval.ms"] = "500" }
        );
        builder.Services.AddKConnectorWorker(builder.Configuration.GetSection("Worker"));
        builder.Services.AddOrdersFileSourceConnector(values => values["file"] = ordersFile);
        builder.Services.AddOrdersSqliteSinkConnector(values =>
            values["connection.url"] = "jdbc:sqlite:" + database
        );
        using var host = builder.Build();

        // Before the connectors start: the orders topic with 4 partitions, and the dead-letter
        // queue with one, so the queue keeps the file's order (Kafka Connect creates it so; the
        // embedded cluster cannot create topics through the admin API the worker would use).
        var kafka = host.Services.GetRequiredService<ConnectorEnvironment>().EmbeddedCluster();
        kafka.CreateTopic(Topic, partitions: 4);
        kafka.CreateTopic(DeadLetterTopic, partitions: 1);

        using var counters = new TaskCounters();
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellationToken);
        // The worker the registrations share: its tasks' counts and states (Kafka Connect's status).
        var controller = host.Services.GetRequiredService<IConnectorController>();
        QuickstartProgress Now() =>
            new(
                lines,
                counters.Total(SourceName, TaskCounters.SourceRecordPollTotal),
                controller.GetTasks(SinkName).Sum(t => t.RecordsProcessed),
                counters.Total(SourceName, TaskCounters.TotalRecordsSkipped),
                clock.Elapsed
            );

        // Bounded: until every line is in the table or the queue, a connector stops (fails), the
        // deadline, or Ctrl+C. Checked every 50 ms (so the elapsed time is the pipeline's),
        // reported every 500 ms.
        var deadline = timeout ?? TimeSpan.FromMinutes(2);
        var lastReport = TimeSpan.Zero;
        while (
            !Now().Done
            && clock.Elapsed < deadline
            && !cancellationToken.IsCancellationRequested
            && Failure(controller) is null
        )
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            if (clock.Elapsed - lastReport >= TimeSpan.FromMilliseconds(500))
            {
                lastReport = clock.Elapsed;
                progress?.Invoke(Now());
            }
        }
        var finished = Now();
        progress?.Invoke(finished);
        Exception? failure = null;
        try
        {
            await host.StopAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            failure = e;
        }
        failure = Failure(controller) ?? failure;

        // The embedded cluster ends with the host: copy the queue out first.
        var deadLetters = DeadLetterExport.Write(
            kafka.BootstrapServers,
            DeadLetterTopic,
            deadLetterFile
        );
        return new QuickstartResult(
            ordersFile,
            database,
            deadLetterFile,
            finished,
            deadLetters,
            failure
        );
    }

    private static string Spec(IReadOnlyDictionary<string, string?> values, string key) =>
        values[key] ?? throw new InvalidOperationException($"the spec has no {key}");

    /// <summary>The first FAILED task of the two connectors, as an exception carrying its trace.</summary>
    private static Exception? Failure(IConnectorController controller) =>
        new[] { SourceName, SinkName }
            .SelectMany(name =>
                controller
                    .GetStatus(name)
                    .Tasks.Where(t => t.State == TaskState.FAILED)
                    .Select(t => new InvalidOperationException(
                        $"{name} task {t.Id} FAILED: {t.Trace}"
                    ))
            )
            .FirstOrDefault();
}
