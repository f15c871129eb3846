using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Source;
using KConnector.Connectors.Sql.Tests;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;
using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using Npgsql.Replication.PgOutput.Messages;

namespace KConnector.Connectors.Benchmarks;

/// <summary>
/// The PostgreSQL CDC source against the bare replication stream, same server, same WAL: a
/// pgbench-style accounts table is snapshotted, then updated in transactions of 1,000 rows; the
/// connector's events go to the embedded Kafka cluster, each acknowledged back to the task (as the
/// worker does), while the peer reads the same changes from its own slot with Npgsql alone (every
/// value read as text, nothing written). Snapshot rows/s against a plain SELECT of the same rows.
/// </summary>
internal static class PostgresCdcBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var updates = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        // envelope.schemas.enable: true writes the Connect schema into every key and value, as JsonConverter does.
        var schemas = args.Length > 3 ? args[3] : "true";
        var server = new PostgreSqlServer { WalLevel = "logical" };
        await server.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("bench.public.accounts", partitions: 1);
        try
        {
            await server.ExecuteAsync(
                "CREATE TABLE accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL, filler char(84));"
                    + $"INSERT INTO accounts SELECT g, g / 1000, 0, '' FROM generate_series(1, {rows}) g;"
                    + "CREATE PUBLICATION bench FOR TABLE accounts"
            );
            Console.WriteLine(
                $"PostgreSQL 15 on 127.0.0.1:{server.Port}; {Environment.ProcessorCount} cores; {rows:N0} rows, {updates:N0} updated rows in transactions of 1,000; envelope.schemas.enable={schemas}"
            );
            var select = await SelectAsync(server, rows);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await using var source = new Run(server, kafka, schemas);
            var snapshot = await source.ReadAsync(rows);
            var snapshotCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await CreatePeerSlotAsync(server);
            for (var from = 1; from <= updates; from += 1000)
            {
                var to = Math.Min(updates, from + 999);
                var (a, b) = (((from - 1) % rows) + 1, ((to - 1) % rows) + 1);
                await server.ExecuteAsync(
                    $"UPDATE accounts SET abalance = abalance + 1 WHERE aid BETWEEN {a} AND {b}"
                );
            }
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stream = await source.ReadAsync(updates);
            var streamCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var peer = await PeerAsync(server, updates);
            Console.WriteLine(
                "| measurement | connector (rows/s) | peer (rows/s) | connector / peer | connector CPU (s) |"
            );
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine(
                $"| snapshot -> Kafka vs SELECT ::text | {rows / snapshot.TotalSeconds:N0} | {rows / select.TotalSeconds:N0} | {select / snapshot:P0} | {snapshotCpu.TotalSeconds:N1} |"
            );
            Console.WriteLine(
                $"| changes -> Kafka vs bare pgoutput | {updates / stream.TotalSeconds:N0} | {updates / peer.TotalSeconds:N0} | {peer / stream:P0} | {streamCpu.TotalSeconds:N1} |"
            );
            Console.WriteLine(
                $"peak RSS of the process (connector, Kafka mock cluster, peer): {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"
            );
        }
        finally
        {
            await server.StopAsync();
        }
    }

    private static async Task<TimeSpan> SelectAsync(PostgreSqlServer server, int rows)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT aid::text, bid::text, abalance::text, filler::text FROM accounts",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < 4; i++)
            {
                _ = reader.GetString(i);
            }
            count++;
        }
        if (count != rows)
        {
            throw new InvalidOperationException($"read {count} rows");
        }
        return clock.Elapsed;
    }

    private static async Task CreatePeerSlotAsync(PostgreSqlServer server) =>
        await server.ExecuteAsync(
            "SELECT pg_create_logical_replication_slot('bench_peer', 'pgoutput')"
        );

    private static async Task<TimeSpan> PeerAsync(PostgreSqlServer server, int updates)
    {
        await using var connection = new LogicalReplicationConnection(server.ConnectionString);
        await connection.Open();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();
        var seen = 0;
        await foreach (
            var message in connection.StartReplication(
                new PgOutputReplicationSlot("bench_peer"),
                new PgOutputReplicationOptions("bench", PgOutputProtocolVersion.V1),
                timeout.Token
            )
        )
        {
            if (message is UpdateMessage update)
            {
                await foreach (var value in update.NewRow)
                {
                    if (!value.IsDBNull)
                    {
                        _ = await value.Get<string>();
                    }
                }
                if (++seen == updates)
                {
                    break;
                }
            }
            connection.SetReplicationStatus(message.WalEnd);
        }
        return clock.Elapsed;
    }

    /// <summary>The connector's task polled into Kafka, each delivery acknowledged back as the worker does.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly PostgresCdcTask<string> _task;
        private readonly IProducer<string?, string?> _producer;
        private int _acknowledged;

        public Run(PostgreSqlServer server, EmbeddedKafka kafka, string schemas)
        {
            _task = new PostgresCdcTask<string>(
                PostgresCdcOptions.Parse(
                    new Dictionary<string, string?>
                    {
                        ["database.hostname"] = "127.0.0.1",
                        ["database.port"] = server.Port.ToString(CultureInfo.InvariantCulture),
                        ["database.user"] = server.User,
                        ["database.dbname"] = server.Database,
                        ["topic.prefix"] = "bench",
                        ["publication.name"] = "bench",
                        ["publication.autocreate.mode"] = "disabled",
                        ["tombstones.on.delete"] = "false",
                        ["envelope.schemas.enable"] = schemas,
                    }
                )
            );
            _task.Initialize(
                new SourceTaskContext(
                    "bench",
                    0,
                    new OffsetStorageReader(new MemoryOffsetBackingStore(), "bench")
                )
            );
            _producer = new ProducerBuilder<string?, string?>(
                new ProducerConfig
                {
                    BootstrapServers = kafka.BootstrapServers,
                    LingerMs = 5,
                    EnableIdempotence = true,
                }
            ).Build();
        }

        public async Task<TimeSpan> ReadAsync(int count)
        {
            var target = _acknowledged + count;
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref _acknowledged) < target)
            {
                foreach (var record in await _task.PollAsync(CancellationToken.None))
                {
                    Produce(record);
                }
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"{_acknowledged} of {target} acknowledged");
                }
            }
            await _task.CommitAsync(CancellationToken.None);
            return clock.Elapsed;
        }

        private void Produce(SourceRecord<string, string> record)
        {
            while (true)
            {
                try
                {
                    _producer.Produce(
                        record.Topic,
                        new Message<string?, string?> { Key = record.Key, Value = record.Value },
                        report =>
                        {
                            if (!report.Error.IsError)
                            {
                                _task.CommitRecord(record, null);
                                Interlocked.Increment(ref _acknowledged);
                            }
                        }
                    );
                    return;
                }
                catch (ProduceException<string?, string?> e)
                    when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    _producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _producer.Flush(TimeSpan.FromSeconds(10));
            _producer.Dispose();
            await _task.DisposeAsync();
        }
    }
}
