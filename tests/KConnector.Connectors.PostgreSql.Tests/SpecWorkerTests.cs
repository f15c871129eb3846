using System.Text;
using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Specs/inventory-cdc.connector.json names Debezium's class: the generated worker snapshots the
/// table, streams its changes, and writes Debezium's events to Kafka with their keys.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class SpecWorkerTests(LogicalPostgreSql fixture)
{
    private const string Topic = "inventory.public.spec_products";

    [Fact]
    public async Task TheGeneratedWorker_SnapshotsAndStreams_IntoTheTablesTopic()
    {
        var server = fixture.Server;
        await server.ExecuteAsync("CREATE TABLE spec_products (id int PRIMARY KEY, name text)");
        await server.ExecuteAsync("INSERT INTO spec_products VALUES (1, 'one'), (2, 'two')");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        Environment.SetEnvironmentVariable(
            "KCONNECTOR_SPEC_PG_PORT",
            server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        try
        {
            using var environment = new ConnectorEnvironment();
            var worker = new InventoryCdcWorker(
                InventoryCdcConfig.Parse(
                    new Dictionary<string, string?>(InventoryCdcConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );
            var changed = false;
            await RunUntilAsync(
                worker,
                () =>
                {
                    if (!changed && worker.RecordsProcessed >= 2)
                    {
                        changed = true;
                        server
                            .ExecuteAsync(
                                "UPDATE spec_products SET name = 'uno' WHERE id = 1; DELETE FROM spec_products WHERE id = 2"
                            )
                            .GetAwaiter()
                            .GetResult();
                    }
                    // 2 reads, 1 update, 1 delete and its tombstone.
                    return worker.RecordsProcessed >= 5;
                }
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_PG_PORT", null);
            await server.ExecuteAsync(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'inventory_cdc' AND NOT active"
            );
        }

        var messages = ReadTopic(kafka, 5);
        var ops = messages
            .Select(m =>
                m.Value is null
                    ? null
                    : JsonDocument
                        .Parse(m.Value)
                        .RootElement.GetProperty("payload")
                        .GetProperty("op")
                        .GetString()
            )
            .ToList();
        Assert.Equal(["r", "r", "u", "d", null], ops);
        var keys = messages
            .Select(m =>
                JsonDocument
                    .Parse(m.Key!)
                    .RootElement.GetProperty("payload")
                    .GetProperty("id")
                    .GetInt32()
            )
            .ToList();
        Assert.Equal([1, 2, 1, 2, 2], keys);
    }

    private static async Task RunUntilAsync(IConnectorWorker worker, Func<bool> done)
    {
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        var started = DateTime.UtcNow;
        while (!done() && DateTime.UtcNow - started < TimeSpan.FromSeconds(60) && !run.IsCompleted)
        {
            await Task.Delay(100);
        }
        await Task.Delay(300);
        await stop.CancelAsync();
        await run;
    }

    private static List<(string? Key, string? Value)> ReadTopic(EmbeddedKafka kafka, int count)
    {
        using var consumer = new Confluent.Kafka.ConsumerBuilder<byte[]?, byte[]?>(
            new Confluent.Kafka.ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "cdc-spec-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new Confluent.Kafka.TopicPartitionOffset(Topic, 0, 0));
        var messages = new List<(string?, string?)>();
        var started = DateTime.UtcNow;
        while (messages.Count < count && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } m })
            {
                messages.Add(
                    (
                        m.Key is null ? null : Encoding.UTF8.GetString(m.Key),
                        m.Value is null ? null : Encoding.UTF8.GetString(m.Value)
                    )
                );
            }
        }
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));
        return messages;
    }
}
