using KConnector.Records;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// heartbeat.interval.ms: while only tables outside the publication change, the slot gets no
/// events; heartbeats carry the server's position to __debezium-heartbeat.&lt;topic.prefix&gt; and,
/// once acknowledged, move the slot's confirmed_flush_lsn so the server can recycle that WAL.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class HeartbeatTests(LogicalPostgreSql fixture)
{
    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task Heartbeats_AdvanceTheConfirmedPosition_WhileOnlyUnpublishedTablesChange()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE hb_watched (id int PRIMARY KEY); CREATE TABLE hb_busy (id serial PRIMARY KEY, v text)"
        );
        await using var cdc = Harness("hb_on", heartbeatMs: "200");
        await cdc.StreamingAsync();
        var before = await cdc.ConfirmedFlushAsync();

        var written = await WriteOutsideThePublicationAsync();
        var confirmed = await AcknowledgeUntilAsync(cdc, written, TimeSpan.FromSeconds(30));

        Assert.True(
            confirmed >= written,
            $"confirmed_flush_lsn {confirmed:X} did not reach {written:X} (it was {before:X})"
        );
        var heartbeats = cdc.Polled.Where(r => r.Topic == "__debezium-heartbeat.hb_on").ToList();
        Assert.NotEmpty(heartbeats);
        Assert.All(cdc.Polled, r => Assert.Equal("__debezium-heartbeat.hb_on", r.Topic));
        var heartbeat = heartbeats[^1];
        Assert.Equal(
            "hb_on",
            CdcHarness.Payload(heartbeat.Key).GetProperty("serverName").GetString()
        );
        Assert.Equal(
            "io.debezium.connector.common.Heartbeat",
            CdcHarness.Schema(heartbeat.Value).GetProperty("name").GetString()
        );
        Assert.True(CdcHarness.Payload(heartbeat.Value).GetProperty("ts_ms").GetInt64() > 0);
        Assert.Equal("hb_on", heartbeat.SourcePartition!["server"]);
    }

    [Fact]
    public async Task WithoutHeartbeats_TheSlotStays_WhileOnlyUnpublishedTablesChange()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS hb_watched (id int PRIMARY KEY); CREATE TABLE IF NOT EXISTS hb_busy (id serial PRIMARY KEY, v text)"
        );
        await using var cdc = Harness("hb_off", heartbeatMs: "0");
        await cdc.StreamingAsync();
        var before = await cdc.ConfirmedFlushAsync();

        var written = await WriteOutsideThePublicationAsync();
        var confirmed = await AcknowledgeUntilAsync(cdc, written, TimeSpan.FromSeconds(3));

        Assert.Empty(cdc.Polled);
        Assert.True(confirmed < written, "the slot moved without any record");
        Assert.Equal(before, confirmed);
    }

    [Fact]
    public async Task HeartbeatActionQuery_RunsBeforeEachHeartbeat()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE hb_action (id serial PRIMARY KEY, at timestamptz DEFAULT now())"
        );
        await using var cdc = new CdcHarness(
            Server,
            "hb_action",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["publication.autocreate.mode"] = "filtered",
                ["table.include.list"] = "public\\.hb_action",
                ["heartbeat.interval.ms"] = "200",
                ["heartbeat.action.query"] = "INSERT INTO hb_action DEFAULT VALUES",
            }
        );
        await cdc.StreamingAsync();

        var records = await cdc.PollAsync(4);

        Assert.Contains(records, r => r.Topic == "hb_action.public.hb_action");
        Assert.Contains(
            records,
            r =>
                r.Topic == "hb_action.public.hb_action"
                && CdcHarness.Payload(r.Value).GetProperty("op").GetString() == "c"
        );
    }

    private CdcHarness Harness(string name, string heartbeatMs) =>
        new(
            Server,
            name,
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["publication.autocreate.mode"] = "filtered",
                ["table.include.list"] = "public\\.hb_watched",
                ["heartbeat.interval.ms"] = heartbeatMs,
            }
        );

    // Several transactions on a table the publication leaves out; returns the WAL position after them.
    private async Task<ulong> WriteOutsideThePublicationAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Server.ExecuteAsync(
                "INSERT INTO hb_busy (v) SELECT md5(g::text) FROM generate_series(1, 500) g"
            );
        }
        return Lsn((string)(await Server.ScalarAsync("SELECT pg_current_wal_lsn()::text"))!);
    }

    // What a worker does: poll, acknowledge what Kafka took, store offsets, commit; until the slot
    // is confirmed to at least target (or the time is up).
    private static async Task<ulong> AcknowledgeUntilAsync(
        CdcHarness cdc,
        ulong target,
        TimeSpan time
    )
    {
        var started = DateTime.UtcNow;
        var confirmed = await cdc.ConfirmedFlushAsync();
        while (confirmed < target && DateTime.UtcNow - started < time)
        {
            var got = await cdc.PollRestAsync(TimeSpan.FromMilliseconds(300));
            await cdc.AcknowledgeAsync(got);
            confirmed = await cdc.ConfirmedFlushAsync();
        }
        return confirmed;
    }

    private static ulong Lsn(string text)
    {
        var parts = text.Split('/');
        return (Convert.ToUInt64(parts[0], 16) << 32) + Convert.ToUInt64(parts[1], 16);
    }
}
