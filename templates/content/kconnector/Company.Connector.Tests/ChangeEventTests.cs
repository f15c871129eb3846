using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Connectors;
using KConnector.Kafka;

namespace Company.Connector.Tests;

/// <summary>
/// Runs the CDC source of orders-postgres-cdc.connector.json against a real PostgreSQL with
/// wal_level=logical (started by the test on 127.0.0.1) and an embedded Kafka cluster
/// (librdkafka's mock cluster, in this process). Every wait has a deadline.
/// </summary>
public sealed class ChangeEventTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // <topic.prefix>.<schema>.<table>, as Debezium names it.
    private const string Topic = "shop.public.orders";

    [Fact]
    public async Task EveryInsertUpdateAndDelete_ReachesTheTablesTopic_AsDebeziumChangeEvents()
    {
        var spec = OrdersBuiltInConfig.SpecValues;
        await using var postgres = await LocalPostgreSqlServer.StartAsync(
            spec["database.user"]!,
            spec["database.dbname"]!
        );
        // REPLICA IDENTITY FULL: updates and deletes carry the whole old row in "before".
        await postgres.ExecuteAsync(
            "shop",
            """
            CREATE TABLE orders (id int PRIMARY KEY, customer_id bigint NOT NULL, quantity int NOT NULL, note text);
            ALTER TABLE orders REPLICA IDENTITY FULL;
            INSERT INTO orders VALUES (1, 7, 2, NULL), (2, 3, 1, 'gift');
            """
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        using var environment = new ConnectorEnvironment();
        // The spec's values, with the cluster and the server's port changed for the test.
        var values = new Dictionary<string, string?>(spec)
        {
            ["bootstrap.servers"] = kafka.BootstrapServers,
            ["database.port"] = postgres.Port.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            ),
        };
        var worker = new OrdersBuiltInWorker(OrdersBuiltInConfig.Parse(values), environment);

        // The snapshot reads the two rows (op r); then an insert, an update and a delete (and its
        // tombstone) stream from the write-ahead log.
        await RunUntilAsync(
            worker,
            snapshotDone: () => worker.RecordsProcessed >= 2,
            changes: () =>
                postgres.ExecuteAsync(
                    "shop",
                    """
                    INSERT INTO orders VALUES (3, 5, 4, NULL);
                    UPDATE orders SET quantity = 5 WHERE id = 1;
                    DELETE FROM orders WHERE id = 2;
                    """
                ),
            done: () => worker.RecordsProcessed >= 6
        );

        var events = ReadTopic(kafka.BootstrapServers, 6);
        Assert.Equal(["r", "r", "c", "u", "d", null], events.Select(e => Op(e.Value)));
        Assert.Equal(
            [1, 2, 3, 1, 2, 2],
            events.Select(e => Payload(e.Key!).GetProperty("id").GetInt32())
        );
        var update = Payload(events[3].Value!);
        Assert.Equal(2, update.GetProperty("before").GetProperty("quantity").GetInt32());
        Assert.Equal(5, update.GetProperty("after").GetProperty("quantity").GetInt32());
        var delete = Payload(events[4].Value!);
        Assert.Equal("gift", delete.GetProperty("before").GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, delete.GetProperty("after").ValueKind);
        Assert.Equal("orders", delete.GetProperty("source").GetProperty("table").GetString());
    }

    // envelope.schemas.enable=true (the default): each key and value is {"schema", "payload"}, as
    // Kafka Connect's JsonConverter writes Debezium's events.
    private static JsonElement Payload(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("payload");

    private static string? Op(string? value) =>
        value is null ? null : Payload(value).GetProperty("op").GetString();

    private static async Task RunUntilAsync(
        IConnectorWorker worker,
        Func<bool> snapshotDone,
        Func<Task> changes,
        Func<bool> done
    )
    {
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        var started = DateTime.UtcNow;
        var changed = false;
        while (!done() && !run.IsCompleted && DateTime.UtcNow - started < Deadline)
        {
            if (!changed && snapshotDone())
            {
                changed = true;
                await changes();
            }
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await run;
    }

    private static List<(string? Key, string? Value)> ReadTopic(
        string bootstrapServers,
        int expected
    )
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "tests-" + Guid.NewGuid().ToString("N"),
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var events = new List<(string?, string?)>();
        var started = DateTime.UtcNow;
        while (events.Count < expected && DateTime.UtcNow - started < Deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message is { } message)
            {
                events.Add((Text(message.Key), Text(message.Value)));
            }
        }
        // Nothing more: no change came twice.
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));
        consumer.Close();
        return events;
    }

    private static string? Text(byte[]? bytes) =>
        bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
