using System.Globalization;
using System.Text;
using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// At-least-once through SIGKILL: <c>kconnector run</c> streams a table while rows are written,
/// and is killed twice mid-stream and started again. Every row reaches Kafka (no gap), in commit
/// order, and a row repeats only right after a restart (what followed the last acknowledged change).
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class ProcessKillTests(LogicalPostgreSql fixture) : IDisposable
{
    private const string Topic = "killed.public.kill_rows";
    private const int Rows = 2000;
    private readonly string _folder = Directory
        .CreateTempSubdirectory("kconnector-cdc-kill-")
        .FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task KilledTwiceMidStream_EveryRowArrives_InOrder_RepeatsOnlyAfterRestarts()
    {
        var server = fixture.Server;
        await server.ExecuteAsync(
            "CREATE TABLE kill_rows (id int PRIMARY KEY, written_at timestamptz DEFAULT now())"
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var spec = WriteSpec(server.Port);
        using var topic = new TopicTail(kafka, Topic);
        var writer = Task.Run(() => WriteRowsAsync(server));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                using var worker = StartWorker(kafka, spec);
                // Kill once this run has moved the topic on by a good part of the rows.
                var target = Math.Min(Rows, topic.Count + 250);
                await WaitAsync(
                    () => topic.Count >= target || worker.HasExited,
                    TimeSpan.FromSeconds(90),
                    () => worker.Log
                );
                Assert.False(worker.HasExited, worker.Log);
                worker.Kill();
                // Killed mid-stream: rows were still to come.
                Assert.True(
                    topic.Ids.Distinct().Count() < Rows,
                    "the worker had everything before it was killed"
                );
            }
            using var last = StartWorker(kafka, spec);
            await writer;
            await WaitAsync(
                () => topic.Ids.Distinct().Count() >= Rows,
                TimeSpan.FromSeconds(120),
                () => last.Log
            );
            await Task.Delay(1000);
        }
        finally
        {
            await writer.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var ids = topic.Ids;
        Assert.Equal(Enumerable.Range(1, Rows), ids.Distinct().Order());
        // Walk the topic: a row below the highest seen is a repeat; repeats start only at restarts (2).
        var restarts = 0;
        var highest = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] <= highest && (i == 0 || ids[i] <= ids[i - 1]))
            {
                restarts++;
            }
            else if (ids[i] > highest)
            {
                Assert.Equal(highest + 1, ids[i]);
            }
            highest = Math.Max(highest, ids[i]);
        }
        Assert.True(restarts <= 2, $"{restarts} places where the topic went back, for 2 restarts");
        await server.ExecuteAsync("SELECT pg_drop_replication_slot('killed')");
    }

    private KconnectorRunProcess StartWorker(EmbeddedKafka kafka, string spec) =>
        KconnectorRunProcess.Start(
            _folder,
            spec,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            "offset.storage.file.filename=" + Path.Combine(_folder, "connect.offsets"),
            "--set",
            "offset.flush.interval.ms=100"
        );

    private string WriteSpec(int port)
    {
        var path = Path.Combine(_folder, "killed.connector.json");
        System.IO.File.WriteAllText(
            path,
            $$"""
            {
              "name": "killed",
              "config": {
                "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                "database.hostname": "127.0.0.1",
                "database.port": {{port}},
                "database.user": "kconnector",
                "database.dbname": "postgres",
                "topic.prefix": "killed",
                "slot.name": "killed",
                "publication.name": "killed",
                "table.include.list": "public\\.kill_rows",
                "envelope.schemas.enable": false,
                "poll.interval.ms": 50,
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "org.apache.kafka.connect.storage.StringConverter"
              }
            }
            """
        );
        return path;
    }

    // Rows 1..Rows in transactions of 1 to 5 rows, a few milliseconds apart.
    private static async Task WriteRowsAsync(Sql.Tests.PostgreSqlServer server)
    {
        var next = 1;
        while (next <= Rows)
        {
            var size = Math.Min(1 + (next % 5), Rows - next + 1);
            await server.ExecuteAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"INSERT INTO kill_rows (id) SELECT g FROM generate_series({next}, {next + size - 1}) g"
                )
            );
            next += size;
            await Task.Delay(20);
        }
    }

    private static async Task WaitAsync(Func<bool> done, TimeSpan timeout, Func<string> log)
    {
        var started = DateTime.UtcNow;
        while (!done())
        {
            Assert.True(DateTime.UtcNow - started < timeout, "timed out; worker log:\n" + log());
            await Task.Delay(100);
        }
    }

    /// <summary>Reads the topic in the background: the ids of its values in order.</summary>
    private sealed class TopicTail : IDisposable
    {
        private readonly List<int> _ids = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _reading;

        public TopicTail(EmbeddedKafka kafka, string topic)
        {
            _reading = Task.Run(() =>
            {
                using var consumer = new Confluent.Kafka.ConsumerBuilder<byte[]?, byte[]?>(
                    new Confluent.Kafka.ConsumerConfig
                    {
                        BootstrapServers = kafka.BootstrapServers,
                        GroupId = "kill-" + Guid.NewGuid().ToString("N"),
                        EnableAutoCommit = false,
                    }
                ).Build();
                consumer.Assign(new Confluent.Kafka.TopicPartitionOffset(topic, 0, 0));
                while (!_stop.IsCancellationRequested)
                {
                    if (
                        consumer.Consume(TimeSpan.FromMilliseconds(100)) is
                        { Message.Value: { } value }
                    )
                    {
                        var id = JsonDocument
                            .Parse(Encoding.UTF8.GetString(value))
                            .RootElement.GetProperty("after")
                            .GetProperty("id")
                            .GetInt32();
                        lock (_ids)
                        {
                            _ids.Add(id);
                        }
                    }
                }
            });
        }

        public int Count
        {
            get
            {
                lock (_ids)
                {
                    return _ids.Count;
                }
            }
        }

        public List<int> Ids
        {
            get
            {
                lock (_ids)
                {
                    return [.. _ids];
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _reading.Wait(TimeSpan.FromSeconds(10));
            _stop.Dispose();
        }
    }
}
