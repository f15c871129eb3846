using System.Diagnostics;
using System.Globalization;
using KConnector.Connectors.Benchmarks;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Tests;
using KConnector.Records;
using Npgsql;

// The SQL sink into a real PostgreSQL server against a hand-written Npgsql loop, same run, same
// rows, same batching (one NpgsqlBatch of INSERTs per batch), one transaction per batch.
// A throughput harness, not BenchmarkDotNet: each measurement writes thousands of rows into a
// server, which BenchmarkDotNet's per-invocation model does not fit.
//   dotnet run -c Release --project tests/KConnector.Connectors.Benchmarks [-- rounds]
//   dotnet run -c Release --project tests/KConnector.Connectors.Benchmarks -- cdc [rows] [updates] [schemas: true/false]
if (args is ["cdc", ..])
{
    await PostgresCdcBenchmark.RunAsync(args);
    return;
}
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var server = new PostgreSqlServer();
await server.StartAsync();
try
{
    await server.ExecuteAsync(
        "CREATE TABLE bench_sink (id BIGINT NOT NULL, customer TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL, note TEXT NULL);"
            + "CREATE TABLE bench_baseline (id BIGINT NOT NULL, customer TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL, note TEXT NULL)"
    );
    Console.WriteLine(
        $"PostgreSQL on 127.0.0.1:{server.Port} (fsync=off, synchronous_commit=off); {Environment.ProcessorCount} cores; median of {rounds} rounds after one warm-up"
    );
    Console.WriteLine(
        "| batch.size | rows | SQL sink (records/s) | hand-written Npgsql (records/s) | sink / hand-written |"
    );
    Console.WriteLine("|---:|---:|---:|---:|---:|");
    foreach (var batchSize in new[] { 1, 100, 1000 })
    {
        var rows = batchSize == 1 ? 2_000 : 50_000;
        var records = Enumerable
            .Range(0, rows)
            .Select(i => new SinkRecord<string, BenchOrder>
            {
                Topic = "bench_sink",
                Partition = 0,
                Offset = i,
                Value = new BenchOrder
                {
                    Id = i,
                    Customer = "customer-" + (i % 1000).ToString(CultureInfo.InvariantCulture),
                    Amount = i * 0.25,
                    Note = i % 3 == 0 ? null : "note",
                },
            })
            .ToArray();
        var sink = new List<double>();
        var baseline = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Alternate the order so neither side always runs on a warmer server.
            var a = round % 2 == 0;
            var first = a
                ? await SinkAsync(server, records, batchSize)
                : await BaselineAsync(server, records, batchSize);
            var second = a
                ? await BaselineAsync(server, records, batchSize)
                : await SinkAsync(server, records, batchSize);
            if (round == 0)
            {
                continue; // warm-up
            }
            (a ? sink : baseline).Add(rows / first.TotalSeconds);
            (a ? baseline : sink).Add(rows / second.TotalSeconds);
        }
        var s = Median(sink);
        var b = Median(baseline);
        Console.WriteLine($"| {batchSize} | {rows:N0} | {s:N0} | {b:N0} | {s / b:P0} |");
    }
}
finally
{
    await server.StopAsync();
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static async Task<TimeSpan> SinkAsync(
    PostgreSqlServer server,
    SinkRecord<string, BenchOrder>[] records,
    int batchSize
)
{
    await server.ExecuteAsync("TRUNCATE bench_sink");
    await using var task = new SqlSinkTask<string, BenchOrder>(
        SqlSinkOptions.Parse(
            new Dictionary<string, string?>
            {
                ["connection.url"] = server.JdbcUrl,
                ["connection.user"] = server.User,
                ["batch.size"] = batchSize.ToString(CultureInfo.InvariantCulture),
            }
        ),
        new AvroRecordAccessor<BenchOrder>()
    );
    var clock = Stopwatch.StartNew();
    // The worker hands puts of up to 500 records (max.poll.records default) and flushes at the end.
    for (var i = 0; i < records.Length; i += 500)
    {
        await task.PutAsync(
            new ArraySegment<SinkRecord<string, BenchOrder>>(
                records,
                i,
                Math.Min(500, records.Length - i)
            ),
            default
        );
    }
    await task.FlushAsync(default);
    clock.Stop();
    Check(await server.ScalarAsync("SELECT COUNT(*) FROM bench_sink"), records.Length);
    return clock.Elapsed;
}

static async Task<TimeSpan> BaselineAsync(
    PostgreSqlServer server,
    SinkRecord<string, BenchOrder>[] records,
    int batchSize
)
{
    await server.ExecuteAsync("TRUNCATE bench_baseline");
    var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = true };
    await using var connection = new NpgsqlConnection(builder.ConnectionString);
    var clock = Stopwatch.StartNew();
    await connection.OpenAsync();
    for (var start = 0; start < records.Length; start += batchSize)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = start; i < Math.Min(start + batchSize, records.Length); i++)
        {
            var order = records[i].Value!;
            var command = new NpgsqlBatchCommand(
                "INSERT INTO bench_baseline (id, customer, amount, note) VALUES ($1, $2, $3, $4)"
            );
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = order.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.Customer });
            command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = order.Amount });
            command.Parameters.Add(
                new NpgsqlParameter { Value = (object?)order.Note ?? DBNull.Value }
            );
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
    clock.Stop();
    Check(await server.ScalarAsync("SELECT COUNT(*) FROM bench_baseline"), records.Length);
    return clock.Elapsed;
}

static void Check(object? count, int expected)
{
    if (Convert.ToInt64(count, CultureInfo.InvariantCulture) != expected)
    {
        throw new InvalidOperationException($"expected {expected} rows, found {count}");
    }
}
