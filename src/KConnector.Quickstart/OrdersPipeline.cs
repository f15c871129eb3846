using System.Diagnostics;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Converters;
using KConnector.Kafka;
using KConnector.Worker;

namespace KConnector.Quickstart;

/// <summary>
/// The quickstart's pipeline: a file source reads a JSON-lines file of orders, Avro carries them
/// through an embedded Kafka, a SQL sink upserts them into a SQLite table, and malformed lines go
/// to the dead-letter queue. The two connectors are defined below in Kafka Connect's keys, exactly
/// what a user would put in a worker's config, and run by the worker's own runners, so every
/// <c>errors.*</c> setting behaves as it does in a user's worker.
/// </summary>
public static class OrdersPipeline
{
    /// <summary>The topic orders are written to.</summary>
    public const string Topic = "orders";

    /// <summary>The dead-letter queue of the file source.</summary>
    public const string DeadLetterTopic = "orders-dlq";

    /// <summary>The table the sink writes (<c>table.name.format</c>).</summary>
    public const string Table = "orders";

    // The in-memory Schema Registry (Confluent's mock:// convention) both connectors share.
    private const string Registry = "mock://kconnector-quickstart";

    /// <summary>The file source connector: malformed lines are dead-lettered, not fatal.</summary>
    public static Dictionary<string, string> SourceConnector(string ordersFile) =>
        new()
        {
            ["name"] = "orders-file-source",
            ["connector.class"] = "FileStreamSource",
            ["file"] = ordersFile,
            ["format"] = "json",
            ["topic"] = Topic,
            ["poll.interval.ms"] = "100",
            ["key.converter"] = ConverterFactory.StringConverterClass,
            ["value.converter"] = ConverterFactory.AvroConverterClass,
            ["value.converter.schema.registry.url"] = Registry,
            ["errors.tolerance"] = "all",
            ["errors.deadletterqueue.topic.name"] = DeadLetterTopic,
            ["errors.deadletterqueue.topic.replication.factor"] = "1",
            ["errors.deadletterqueue.context.headers.enable"] = "true",
            ["offset.flush.interval.ms"] = "250",
        };

    /// <summary>The SQLite sink connector: one row per order_id, so a re-run leaves the same table.</summary>
    public static Dictionary<string, string> SinkConnector(string database) =>
        new()
        {
            ["name"] = "orders-sqlite-sink",
            ["connector.class"] = "JdbcSink",
            ["topics"] = Topic,
            ["connection.url"] = "jdbc:sqlite:" + database,
            ["table.name.format"] = Table,
            ["auto.create"] = "true",
            ["insert.mode"] = "upsert",
            ["pk.mode"] = "record_value",
            ["pk.fields"] = "order_id",
            ["key.converter"] = ConverterFactory.StringConverterClass,
            ["value.converter"] = ConverterFactory.AvroConverterClass,
            ["value.converter.schema.registry.url"] = Registry,
            ["offset.flush.interval.ms"] = "250",
        };

    /// <summary>
    /// Runs the pipeline over <paramref name="ordersFile"/> until every line is written or
    /// dead-lettered (or <paramref name="timeout"/> passes, or a task fails), writing
    /// <c>orders.db</c> and <c>orders-dlq.jsonl</c> into <paramref name="outputDirectory"/>.
    /// <paramref name="progress"/> is called about twice a second, and once at the end.
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

        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 4);
        // One partition keeps dead letters in file order; the embedded cluster cannot create topics
        // through the admin API, so the worker's own creation would fall back to auto-creation.
        kafka.CreateTopic(DeadLetterTopic, partitions: 1);

        var sourceConfig = ConnectorConfig.Parse(SourceConnector(ordersFile));
        var sinkConfig = ConnectorConfig.Parse(SinkConnector(database));
        sinkConfig.ValidateSink();
        var formats = ConverterFormats.AvroRecord<Order>();
        using var source = new FileSourceTask<Order>(
            FileSourceOptions.Parse(sourceConfig.Settings!),
            new AvroRecordAccessor<Order>()
        );
        await using var sink = new SqlSinkTask<string, Order>(
            SqlSinkOptions.Parse(sinkConfig.Settings!),
            new AvroRecordAccessor<Order>()
        );
        var sourceRunner = new SourceTaskRunner<string, Order>(
            sourceConfig.ToWorkerOptions(0, kafka.BootstrapServers, isSink: false),
            source,
            ConverterFactory.FromWorkerConfig(
                sourceConfig.Settings,
                isKey: true,
                ConverterFormats.None<string>()
            ),
            ConverterFactory.FromWorkerConfig(sourceConfig.Settings, isKey: false, formats)
        );
        var sinkRunner = new SinkTaskRunner<string, Order>(
            sinkConfig.ToWorkerOptions(0, kafka.BootstrapServers, isSink: true),
            sink,
            ConverterFactory.FromWorkerConfig(
                sinkConfig.Settings,
                isKey: true,
                ConverterFormats.None<string>()
            ),
            ConverterFactory.FromWorkerConfig(sinkConfig.Settings, isKey: false, formats)
        );

        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sourceRun = sourceRunner.RunAsync(stop.Token);
        var sinkRun = sinkRunner.RunAsync(stop.Token);
        var deadline = timeout ?? TimeSpan.FromMinutes(2);
        QuickstartProgress Now() =>
            new(
                lines,
                sourceRunner.RecordsPolled,
                sinkRunner.RecordsCommitted,
                sourceRunner.Metrics.TotalRecordsSkipped,
                clock.Elapsed
            );
        // Bounded: until every line is in the table or the queue, a task fails, or the deadline.
        // Checked every 50 ms (so the elapsed time is the pipeline's), reported every 500 ms.
        var lastReport = TimeSpan.Zero;
        while (!Now().Done && clock.Elapsed < deadline && !stop.IsCancellationRequested)
        {
            if (sourceRun.IsCompleted || sinkRun.IsCompleted)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            if (clock.Elapsed - lastReport >= TimeSpan.FromMilliseconds(500))
            {
                lastReport = clock.Elapsed;
                progress?.Invoke(Now());
            }
        }
        var finished = Now();
        progress?.Invoke(finished);
        await stop.CancelAsync();
        Exception? failure = null;
        try
        {
            await Task.WhenAll(sourceRun, sinkRun);
        }
        catch (Exception e)
        {
            failure = e;
        }
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
}
