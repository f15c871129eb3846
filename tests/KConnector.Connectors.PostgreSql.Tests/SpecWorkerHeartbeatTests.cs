using System.Globalization;
using System.Text;
using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Specs/events-keyed-cdc.connector.json through the generated worker (the road a project takes):
/// message.key.columns keys a table without a primary key by the columns given, in their order,
/// and heartbeat.interval.ms sends heartbeats whose acknowledgement moves the slot's
/// confirmed_flush_lsn past WAL written only to a table outside the publication.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class SpecWorkerHeartbeatTests(LogicalPostgreSql fixture)
{
    private const string Slot = "gwk_cdc";
    private const string EventsTopic = "gwk.public.gwk_events";
    private const string HeartbeatTopic = "__debezium-heartbeat.gwk";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task TheGeneratedWorker_KeysByTheColumnsGiven_AndItsHeartbeatsMoveTheSlot()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE gwk_events (code text, region text NOT NULL, v int); CREATE TABLE gwk_busy (id serial PRIMARY KEY, v text)"
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(EventsTopic, partitions: 1);
        kafka.CreateTopic(HeartbeatTopic, partitions: 1);
        Environment.SetEnvironmentVariable(
            "KCONNECTOR_SPEC_PG_PORT",
            Server.Port.ToString(CultureInfo.InvariantCulture)
        );
        ulong written = 0;
        ulong confirmed = 0;
        try
        {
            using var environment = new ConnectorEnvironment();
            var worker = new EventsKeyedCdcWorker(
                EventsKeyedCdcConfig.Parse(
                    new Dictionary<string, string?>(EventsKeyedCdcConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                        ["offset.flush.interval.ms"] = "200",
                    }
                ),
                environment
            );
            using var stop = new CancellationTokenSource();
            var run = worker.RunAsync(stop.Token);
            try
            {
                await UntilAsync(async () => await SlotIsActiveAsync(), run);
                await Server.ExecuteAsync("INSERT INTO gwk_events VALUES ('a1', 'eu', 7)");
                written = await WriteOutsideThePublicationAsync();
                await UntilAsync(
                    async () =>
                        worker.RecordsProcessed >= 2
                        && (confirmed = await ConfirmedFlushAsync()) >= written,
                    run
                );
            }
            finally
            {
                await stop.CancelAsync();
                await run;
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_PG_PORT", null);
            await Server.ExecuteAsync(
                $"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '{Slot}' AND NOT active"
            );
        }

        Assert.True(confirmed >= written, $"confirmed_flush_lsn {confirmed:X} < {written:X}");
        var change = Assert.Single(ReadTopic(kafka, EventsTopic, 1));
        var key = JsonDocument.Parse(change.Key!).RootElement;
        Assert.Equal(
            "gwk.public.gwk_events.Key",
            key.GetProperty("schema").GetProperty("name").GetString()
        );
        var keyFields = key.GetProperty("payload");
        Assert.Equal(["region", "code"], keyFields.EnumerateObject().Select(p => p.Name));
        Assert.Equal("eu", keyFields.GetProperty("region").GetString());
        Assert.Equal("a1", keyFields.GetProperty("code").GetString());
        var heartbeat = ReadTopic(kafka, HeartbeatTopic, 1)[0];
        Assert.Equal(
            "gwk",
            JsonDocument
                .Parse(heartbeat.Key!)
                .RootElement.GetProperty("payload")
                .GetProperty("serverName")
                .GetString()
        );
        var value = JsonDocument.Parse(heartbeat.Value!).RootElement;
        Assert.Equal(
            "io.debezium.connector.common.Heartbeat",
            value.GetProperty("schema").GetProperty("name").GetString()
        );
    }

    private async Task<bool> SlotIsActiveAsync() =>
        (long)
            (
                await Server.ScalarAsync(
                    $"SELECT count(*) FROM pg_replication_slots WHERE slot_name = '{Slot}' AND active"
                )
            )! > 0;

    private async Task<ulong> ConfirmedFlushAsync() =>
        Lsn(
            (string?)
                await Server.ScalarAsync(
                    $"SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '{Slot}'"
                )
        );

    // Transactions on a table the publication leaves out; returns the WAL position after them.
    private async Task<ulong> WriteOutsideThePublicationAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Server.ExecuteAsync(
                "INSERT INTO gwk_busy (v) SELECT md5(g::text) FROM generate_series(1, 500) g"
            );
        }
        return Lsn((string?)await Server.ScalarAsync("SELECT pg_current_wal_lsn()::text"));
    }

    private static ulong Lsn(string? text)
    {
        if (text is null)
        {
            return 0;
        }
        var parts = text.Split('/');
        return (Convert.ToUInt64(parts[0], 16) << 32) + Convert.ToUInt64(parts[1], 16);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, Task run)
    {
        var started = DateTime.UtcNow;
        while (!await condition())
        {
            Assert.False(run.IsCompleted, "the worker stopped: " + run.Exception);
            Assert.True(DateTime.UtcNow - started < Deadline, "not within " + Deadline);
            await Task.Delay(100);
        }
    }

    private static List<(string? Key, string? Value)> ReadTopic(
        EmbeddedKafka kafka,
        string topic,
        int atLeast
    )
    {
        using var consumer = new Confluent.Kafka.ConsumerBuilder<byte[]?, byte[]?>(
            new Confluent.Kafka.ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "cdc-spec-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new Confluent.Kafka.TopicPartitionOffset(topic, 0, 0));
        var messages = new List<(string?, string?)>();
        var started = DateTime.UtcNow;
        // Up to the end of the partition (a heartbeat topic keeps growing): what is there now.
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null)
            {
                if (messages.Count >= atLeast)
                {
                    break;
                }
                continue;
            }
            if (result.Message is { } m)
            {
                messages.Add(
                    (
                        m.Key is null ? null : Encoding.UTF8.GetString(m.Key),
                        m.Value is null ? null : Encoding.UTF8.GetString(m.Value)
                    )
                );
            }
        }
        return messages;
    }
}
