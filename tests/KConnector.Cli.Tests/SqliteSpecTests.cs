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
        var orders = await WriteOrdersAsync(Total);
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
        Assert.Equal(Enumerable.Range(1, Total).Select(Row), TableRows(database));
    }

    [Fact]
    public async Task Run_SqliteSinkKeyedByValueToKey_WritesTheUnkeyedRecordsUnderTheKeyMadeFromTheValue()
    {
        // The file source's records have no key: the sink's ValueToKey(order_id), compiled by
        // `run` as by the build, makes the key that pk.mode=record_key maps to the primary key.
        const int Total = 20;
        var orders = await WriteOrdersAsync(Total);
        var database = _folder.File("orders.db");
        var source = WriteSourceSpec(orders);
        var sink = WriteSinkSpec(
            database,
            pkMode: "record_key",
            extra: """
            "transforms": "tokey",
            "transforms.tokey.type": "org.apache.kafka.connect.transforms.ValueToKey",
            "transforms.tokey.fields": "order_id",
            """
        );

        var run = await RunAsync(source, sink, Total);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Enumerable.Range(1, Total).Select(Row), TableRows(database));
        Assert.Equal(["order_id"], PrimaryKey(database));
    }

    [Fact]
    public async Task Run_RowsACheckConstraintRefuses_AreDeadLettered_TheRestWritten_ExitZero()
    {
        // Issue 16: such a row killed the task (exit 3) instead of reaching the dead-letter queue.
        const int Total = 25;
        var orders = await WriteOrdersAsync(Total);
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
        var source = WriteSourceSpec(orders);
        var sink = WriteSinkSpec(
            database,
            extra: """
            "errors.tolerance": "all",
            "errors.log.enable": true,
            "errors.deadletterqueue.topic.name": "cli_orders_dlq",
            "errors.deadletterqueue.topic.replication.factor": 1,
            "errors.deadletterqueue.context.headers.enable": true,
            """
        );

        var run = await RunAsync(source, sink, Total);

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
            Enumerable.Range(1, Total).Where(n => !refused.Contains(n)).Select(Row),
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

    // `run` of both specs until every order is acknowledged (source) and committed (sink): each counts twice.
    private static Task<CliRun> RunAsync(string source, string sink, int orders) =>
        CliRun.InvokeAsync(
            "run",
            source,
            sink,
            "--max-records",
            (2 * orders).ToString(CultureInfo.InvariantCulture),
            "--duration",
            "90"
        );

    // Orders 1 to total as the file source reads them, order n of quantity 3n; the file's path.
    private async Task<string> WriteOrdersAsync(int total)
    {
        var orders = _folder.File("orders.jsonl");
        await File.WriteAllLinesAsync(
            orders,
            Enumerable
                .Range(1, total)
                .Select(n =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id":"order-{{n:D3}}","quantity":{{n * 3}}}"""
                    )
                )
        );
        return orders;
    }

    // Order n's row, as TableRows reads it.
    private static string Row(int n) =>
        string.Create(CultureInfo.InvariantCulture, $"order-{n:D3}|{n * 3}");

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
        string extra = ""
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
                {{extra}}
                "value.schema": "order.avsc"
              }
            }
            """
        );

    private static List<string> TableRows(string database) =>
        Query(
            database,
            "SELECT order_id, quantity FROM cli_orders ORDER BY order_id",
            r => string.Create(CultureInfo.InvariantCulture, $"{r.GetString(0)}|{r.GetInt32(1)}")
        );

    // The table's primary key columns, in key order.
    private static List<string> PrimaryKey(string database) =>
        Query(
            database,
            "SELECT name FROM pragma_table_info('cli_orders') WHERE pk > 0 ORDER BY pk",
            r => r.GetString(0)
        );

    private static List<string> Query(
        string database,
        string sql,
        Func<SqliteDataReader, string> row
    )
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
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }
        return rows;
    }

    public void Dispose() => _folder.Dispose();
}
