using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector</c> with the built-in SQL connector (issue 7): <c>validate</c> accepts a SQLite
/// sink spec, and <c>run</c> of a file-source spec plus a SQLite sink spec is a standalone worker
/// that moves a JSON-lines file into a table through the embedded Kafka.
/// </summary>
public sealed class SqliteSpecTests : IDisposable
{
    private const string Registry = "mock://cli-sqlite";

    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task Validate_AcceptsASqliteSinkSpec()
    {
        var spec = WriteSinkSpec(_folder.File("orders.db"));

        var run = await CliRun.InvokeAsync("validate", spec);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "orders-sqlite-sink.connector.json: valid",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Run_FileSourceAndSqliteSink_MovesTheJsonLinesFileIntoTheTable_ExitZero()
    {
        const int Total = 25;
        var lines = Enumerable
            .Range(1, Total)
            .Select(n =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{"order_id":"order-{{n:D3}}","quantity":{{n * 3}}}"""
                )
            )
            .ToList();
        var orders = _folder.File("orders.jsonl");
        await File.WriteAllLinesAsync(orders, lines);
        var database = _folder.File("orders.db");
        var source = WriteSourceSpec(orders);
        var sink = WriteSinkSpec(database);

        // No bootstrap.servers: both connectors meet on the one embedded cluster of the process.
        // Each order counts twice: acknowledged by Kafka (source), then committed (sink).
        var run = await CliRun.InvokeAsync(
            "run",
            source,
            sink,
            "--max-records",
            (2 * Total).ToString(CultureInfo.InvariantCulture),
            "--duration",
            "90",
            "--progress-interval",
            "0.2"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("EMBEDDED Kafka cluster", run.Error, StringComparison.Ordinal);
        Assert.Contains(
            "running cli-orders-file-source, cli-orders-sqlite-sink",
            run.Output,
            StringComparison.Ordinal
        );
        // No progress line is asserted: 25 orders can be through before the first interval on a
        // quiet machine (RunCommandTests checks progress lines on a run of fixed duration).
        Assert.Contains($"--max-records {2 * Total} reached", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"  cli-orders-file-source: {Total} records",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"  cli-orders-sqlite-sink: {Total} records",
            run.Output,
            StringComparison.Ordinal
        );
        Assert.Equal(
            Enumerable
                .Range(1, Total)
                .Select(n => string.Create(CultureInfo.InvariantCulture, $"order-{n:D3}|{n * 3}")),
            TableRows(database)
        );
    }

    [Fact]
    public async Task Run_RowsACheckConstraintRefuses_AreDeadLettered_TheRestWritten_ExitZero()
    {
        // Issue 16: such a row killed the task (exit 3) instead of reaching the dead-letter queue.
        const int Total = 25;
        await File.WriteAllLinesAsync(
            _folder.File("orders.jsonl"),
            Enumerable
                .Range(1, Total)
                .Select(n =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id":"order-{{n:D3}}","quantity":{{n * 3}}}"""
                    )
                )
        );
        var database = _folder.File("orders.db");
        using (var connection = new SqliteConnection("Data Source=" + database))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText =
                "CREATE TABLE cli_orders (order_id TEXT NOT NULL PRIMARY KEY, quantity INTEGER NOT NULL CHECK (quantity < 40))";
            create.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var source = WriteSourceSpec(_folder.File("orders.jsonl"));
        var sink = WriteSinkSpec(
            database,
            errors: """
            "errors.tolerance": "all",
            "errors.log.enable": true,
            "errors.deadletterqueue.topic.name": "cli_orders_dlq",
            "errors.deadletterqueue.topic.replication.factor": 1,
            "errors.deadletterqueue.context.headers.enable": true,
            """
        );

        var run = await CliRun.InvokeAsync(
            "run",
            source,
            sink,
            "--max-records",
            (2 * Total).ToString(CultureInfo.InvariantCulture),
            "--duration",
            "90"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        // Dead-lettered records count as done for the sink: every order, once.
        Assert.Contains(
            $"  cli-orders-sqlite-sink: {Total} records",
            run.Output,
            StringComparison.Ordinal
        );
        var refused = Enumerable.Range(1, Total).Where(n => n * 3 >= 40).ToList();
        Assert.Equal(refused.Count, run.Error.Split("Executing stage 'TASK_PUT'").Length - 1);
        Assert.Contains("CHECK constraint failed", run.Error, StringComparison.Ordinal);
        Assert.Equal(
            Enumerable
                .Range(1, Total)
                .Where(n => !refused.Contains(n))
                .Select(n => string.Create(CultureInfo.InvariantCulture, $"order-{n:D3}|{n * 3}")),
            TableRows(database)
        );
    }

    [Fact]
    public async Task Run_SqliteSinkSpecWithUpsertButNoPrimaryKey_ExitsOne_NamingTheKey()
    {
        // Valid key by key (validate accepts it), wrong together: JdbcSinkConfig's rule that
        // upsert needs a pk.mode, checked when the task is made.
        var spec = WriteSinkSpec(_folder.File("orders.db"), pkMode: null);

        var run = await CliRun.InvokeAsync("run", spec, "--duration", "60");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(
            "cli-orders-sqlite-sink: invalid config",
            run.Error,
            StringComparison.Ordinal
        );
        Assert.Contains("insert.mode", run.Error, StringComparison.Ordinal);
        Assert.Contains("set pk.mode", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("orders.db")), "no database was written");
    }

    [Fact]
    public async Task Validate_UpsertWithoutPkMode_GivesRunsVerdict_NamingTheSameKey()
    {
        var spec = WriteSinkSpec(_folder.File("orders.db"), pkMode: null);

        var validate = await CliRun.InvokeAsync("validate", spec);
        var run = await CliRun.InvokeAsync("run", spec, "--duration", "60");

        Assert.True(validate.ExitCode == 1, validate.ToString());
        Assert.Equal(run.ExitCode, validate.ExitCode);
        var issue = "insert.mode: upsert needs a primary key: set pk.mode";
        Assert.Contains(issue, validate.Error, StringComparison.Ordinal);
        Assert.Contains(issue, run.Error, StringComparison.Ordinal);
        Assert.Contains(
            spec + ": invalid config: The config of connector 'cli-orders-sqlite-sink'",
            validate.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("valid\n", validate.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("orders.db")), "validate wrote no database");
    }

    [Fact]
    public async Task Run_SqliteSinkSpecWithAnUnknownInsertMode_IsNotStarted_ExitOne()
    {
        var spec = WriteSinkSpec(_folder.File("orders.db"), insertMode: "merge");

        var run = await CliRun.InvokeAsync("run", spec, "--duration", "60");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("$.config['insert.mode']", run.Error, StringComparison.Ordinal);
        Assert.Contains("Not started", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("running", run.Output, StringComparison.Ordinal);
    }

    private string WriteSourceSpec(string orders) =>
        _folder.Write(
            "orders-file-source.connector.json",
            $$"""
            {
              "name": "cli-orders-file-source",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(orders)}},
                "topic": "cli_orders",
                "poll.interval.ms": 100,
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url": "{{Registry}}",
                "value.schema": "order.avsc"
              }
            }
            """
        );

    private string WriteSinkSpec(
        string database,
        string insertMode = "upsert",
        string? pkMode = "record_value",
        string errors = ""
    ) =>
        _folder.Write(
            "orders-sqlite-sink.connector.json",
            $$"""
            {
              "name": "cli-orders-sqlite-sink",
              "config": {
                "connector.class": "JdbcSink",
                "topics": "cli_orders",
                "connection.url": {{JsonSerializer.Serialize("jdbc:sqlite:" + database)}},
                "auto.create": true,
                "insert.mode": "{{insertMode}}",
                {{(
                pkMode is null ? "" : $"\"pk.mode\": \"{pkMode}\", \"pk.fields\": \"order_id\","
            )}}
                "value.converter": "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url": "{{Registry}}",
                {{errors}}
                "value.schema": "order.avsc"
              }
            }
            """
        );

    private static List<string> TableRows(string database)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = database,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT order_id, quantity FROM cli_orders ORDER BY order_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{reader.GetString(0)}|{reader.GetInt32(1)}"
                )
            );
        }
        return rows;
    }

    public void Dispose() => _folder.Dispose();
}
