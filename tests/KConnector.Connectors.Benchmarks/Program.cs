using System.Diagnostics;
using System.Globalization;
using KConnector.Connectors.Benchmarks;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Tests;
using KConnector.Records;

// The SQL sink into real PostgreSQL and MariaDB servers against hand-written Npgsql and
// MySqlConnector loops, same run, same rows, same transactions (one per put of 500 records, as the
// sink writes a put) and the same batching (batch.size INSERTs per round trip).
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
const string Columns =
    "(id BIGINT NOT NULL, customer TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL, note TEXT NULL)";
Console.WriteLine(
    $"{Environment.ProcessorCount} cores; median of {rounds} rounds after one warm-up"
);

var postgres = new PostgreSqlServer();
await postgres.StartAsync();
try
{
    await postgres.ExecuteAsync(
        $"CREATE TABLE bench_sink {Columns}; CREATE TABLE bench_baseline {Columns}"
    );
    await MeasureAsync(
        new SinkTarget(
            $"PostgreSQL 15 on 127.0.0.1:{postgres.Port} (fsync=off, synchronous_commit=off), hand-written Npgsql",
            postgres.JdbcUrl,
            postgres.User,
            null,
            postgres.ExecuteAsync,
            postgres.ScalarAsync,
            (records, batchSize) =>
                NpgsqlBaseline.RunAsync(postgres.ConnectionString, records, batchSize)
        ),
        rounds
    );
}
finally
{
    await postgres.StopAsync();
}

var maria = new MariaDbServer();
await maria.StartAsync();
try
{
    await maria.ExecuteAsync($"CREATE TABLE bench_sink {Columns}");
    await maria.ExecuteAsync($"CREATE TABLE bench_baseline {Columns}");
    await MeasureAsync(
        new SinkTarget(
            $"MariaDB 10.11 on 127.0.0.1:{maria.Port} (innodb_flush_log_at_trx_commit=0), hand-written MySqlConnector",
            maria.JdbcUrl,
            maria.User,
            maria.Password,
            maria.ExecuteAsync,
            maria.ScalarAsync,
            (records, batchSize) =>
                MySqlConnectorBaseline.RunAsync(maria.ConnectionString, records, batchSize)
        ),
        rounds
    );
}
finally
{
    await maria.StopAsync();
}

static async Task MeasureAsync(SinkTarget target, int rounds)
{
    Console.WriteLine();
    Console.WriteLine(target.Name);
    Console.WriteLine(
        "| batch.size | rows | SQL sink (records/s) | hand-written (records/s) | sink / hand-written |"
    );
    Console.WriteLine("|---:|---:|---:|---:|---:|");
    foreach (var batchSize in new[] { 1, 100, 500 })
    {
        var rows = batchSize == 1 ? 5_000 : 50_000;
        var records = Enumerable.Range(0, rows).Select(Record).ToArray();
        var sink = new List<double>();
        var baseline = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Alternate the order so neither side always runs on a warmer server.
            var sinkFirst = round % 2 == 0;
            var first = sinkFirst
                ? await SinkAsync(target, records, batchSize)
                : await BaselineAsync(target, records, batchSize);
            var second = sinkFirst
                ? await BaselineAsync(target, records, batchSize)
                : await SinkAsync(target, records, batchSize);
            if (round == 0)
            {
                continue; // warm-up
            }
            (sinkFirst ? sink : baseline).Add(rows / first.TotalSeconds);
            (sinkFirst ? baseline : sink).Add(rows / second.TotalSeconds);
        }
        var s = Median(sink);
        var b = Median(baseline);
        Console.WriteLine($"| {batchSize} | {rows:N0} | {s:N0} | {b:N0} | {s / b:P0} |");
    }
}

static SinkRecord<string, BenchOrder> Record(int i) =>
    new()
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
    };

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static async Task<TimeSpan> SinkAsync(
    SinkTarget target,
    SinkRecord<string, BenchOrder>[] records,
    int batchSize
)
{
    await target.Execute("TRUNCATE TABLE bench_sink");
    var config = new Dictionary<string, string?>
    {
        ["connection.url"] = target.JdbcUrl,
        ["connection.user"] = target.User,
        ["connection.password"] = target.Password,
        ["batch.size"] = batchSize.ToString(CultureInfo.InvariantCulture),
    };
    await using var task = new SqlSinkTask<string, BenchOrder>(
        SqlSinkOptions.Parse(config),
        new AvroRecordAccessor<BenchOrder>()
    );
    var clock = Stopwatch.StartNew();
    // The worker hands puts of up to 500 records (max.poll.records default) and flushes at the end.
    for (var i = 0; i < records.Length; i += SinkTarget.PutSize)
    {
        await task.PutAsync(
            new ArraySegment<SinkRecord<string, BenchOrder>>(
                records,
                i,
                Math.Min(SinkTarget.PutSize, records.Length - i)
            ),
            default
        );
    }
    await task.FlushAsync(default);
    clock.Stop();
    Check(await target.Scalar("SELECT COUNT(*) FROM bench_sink"), records.Length);
    return clock.Elapsed;
}

static async Task<TimeSpan> BaselineAsync(
    SinkTarget target,
    SinkRecord<string, BenchOrder>[] records,
    int batchSize
)
{
    await target.Execute("TRUNCATE TABLE bench_baseline");
    var elapsed = await target.Baseline(records, batchSize);
    Check(await target.Scalar("SELECT COUNT(*) FROM bench_baseline"), records.Length);
    return elapsed;
}

static void Check(object? count, int expected)
{
    if (Convert.ToInt64(count, CultureInfo.InvariantCulture) != expected)
    {
        throw new InvalidOperationException($"expected {expected} rows, found {count}");
    }
}
