using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// snapshot.mode: the initial snapshot reads the tables as of the slot's start (op r,
/// source.snapshot true, the last one "last"), and streaming continues exactly after it.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class SnapshotTests(LogicalPostgreSql fixture)
{
    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task Initial_ReadsEveryRowAsOpR_ThenStreamsWhatCameAfter()
    {
        await Server.ExecuteAsync("CREATE TABLE snap_items (id int PRIMARY KEY, label text)");
        await Server.ExecuteAsync(
            "INSERT INTO snap_items SELECT g, 'item ' || g FROM generate_series(1, 50) g"
        );
        await using var cdc = new CdcHarness(
            Server,
            "snap_initial",
            new Dictionary<string, string?> { ["table.include.list"] = "public\\.snap_items" }
        );

        var snapshot = await cdc.PollAsync(50);
        await Server.ExecuteAsync("INSERT INTO snap_items VALUES (51, 'after')");
        await Server.ExecuteAsync("UPDATE snap_items SET label = 'changed' WHERE id = 1");
        var streamed = await cdc.PollAsync(2);

        var payloads = snapshot.Select(r => CdcHarness.Payload(r.Value)).ToList();
        Assert.All(payloads, p => Assert.Equal("r", p.GetProperty("op").GetString()));
        Assert.Equal(
            Enumerable.Range(1, 50),
            payloads.Select(p => p.GetProperty("after").GetProperty("id").GetInt32()).Order()
        );
        Assert.All(
            payloads.SkipLast(1),
            p => Assert.Equal("true", p.GetProperty("source").GetProperty("snapshot").GetString())
        );
        Assert.Equal(
            "last",
            payloads[^1].GetProperty("source").GetProperty("snapshot").GetString()
        );
        Assert.Equal(
            ["c", "u"],
            streamed.Select(r => CdcHarness.Payload(r.Value).GetProperty("op").GetString())
        );
        Assert.Equal(
            51,
            CdcHarness.Payload(streamed[0].Value).GetProperty("after").GetProperty("id").GetInt32()
        );
    }

    [Fact]
    public async Task TheSnapshot_IsConsistentWithTheSlot_AWriteDuringItComesOnceAsAChange()
    {
        await Server.ExecuteAsync("CREATE TABLE snap_race (id int PRIMARY KEY)");
        await Server.ExecuteAsync("INSERT INTO snap_race SELECT g FROM generate_series(1, 3000) g");
        // A small queue: the snapshot waits on the polls, so writes land while it is open.
        await using var cdc = new CdcHarness(
            Server,
            "snap_race",
            new Dictionary<string, string?>
            {
                ["table.include.list"] = "public\\.snap_race",
                ["max.queue.size"] = "10",
                ["max.batch.size"] = "10",
            }
        );

        var first = await cdc.PollAsync(10);
        await Server.ExecuteAsync(
            "INSERT INTO snap_race VALUES (3001); DELETE FROM snap_race WHERE id = 2"
        );
        var rest = await cdc.PollAsync(3000 - first.Count + 3);
        Assert.Empty(await cdc.PollRestAsync(TimeSpan.FromMilliseconds(500)));

        var all = first
            .Concat(rest)
            .Where(r => r.Value is not null)
            .Select(r => CdcHarness.Payload(r.Value))
            .ToList();
        var reads = all.Where(p => p.GetProperty("op").GetString() == "r")
            .Select(p => p.GetProperty("after").GetProperty("id").GetInt32())
            .ToList();
        Assert.Equal(Enumerable.Range(1, 3000), reads.Order());
        var changes = all.Where(p => p.GetProperty("op").GetString() != "r")
            .Select(p => p.GetProperty("op").GetString())
            .ToList();
        Assert.Equal(["c", "d"], changes);
    }

    [Fact]
    public async Task Never_StreamsOnly()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE snap_never (id int PRIMARY KEY); INSERT INTO snap_never VALUES (1)"
        );
        await using var cdc = new CdcHarness(
            Server,
            "snap_never",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.include.list"] = "public\\.snap_never",
            }
        );
        await cdc.StreamingAsync();
        await Server.ExecuteAsync("INSERT INTO snap_never VALUES (2)");

        var records = await cdc.PollAsync(1);

        Assert.Equal(
            2,
            CdcHarness.Payload(records[0].Value).GetProperty("after").GetProperty("id").GetInt32()
        );
        Assert.DoesNotContain(
            cdc.Polled,
            r => CdcHarness.Payload(r.Value).GetProperty("op").GetString() == "r"
        );
    }

    [Fact]
    public async Task InitialOnly_ReadsTheTables_AndStreamsNothing()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE snap_only (id int PRIMARY KEY); INSERT INTO snap_only VALUES (1), (2)"
        );
        await using var cdc = new CdcHarness(
            Server,
            "snap_only",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "initial_only",
                ["table.include.list"] = "public\\.snap_only",
            }
        );

        var records = await cdc.PollAsync(2);
        await Server.ExecuteAsync("INSERT INTO snap_only VALUES (3)");

        Assert.All(
            records,
            r => Assert.Equal("r", CdcHarness.Payload(r.Value).GetProperty("op").GetString())
        );
        Assert.Empty(await cdc.PollRestAsync(TimeSpan.FromSeconds(1)));
    }
}
