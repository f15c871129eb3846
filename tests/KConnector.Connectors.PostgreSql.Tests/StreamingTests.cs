using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Streaming from the slot: each insert, update, delete and truncate becomes Debezium's envelope
/// on topic.prefix.schema.table, keyed by the primary key, in commit order.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class StreamingTests(LogicalPostgreSql fixture)
{
    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task InsertUpdateDelete_BecomeEnvelopesWithKeys_AndATombstoneAfterTheDelete()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE stream_orders (id int PRIMARY KEY, customer text NOT NULL, total numeric(10,2))"
        );
        await using var cdc = new CdcHarness(
            Server,
            "stream_basic",
            new Dictionary<string, string?> { ["snapshot.mode"] = "never" }
        );
        await cdc.StreamingAsync();

        await Server.ExecuteAsync("INSERT INTO stream_orders VALUES (1, 'ada', 12.50)");
        await Server.ExecuteAsync("UPDATE stream_orders SET total = 99.99 WHERE id = 1");
        await Server.ExecuteAsync("DELETE FROM stream_orders WHERE id = 1");
        var records = await cdc.PollAsync(4);

        Assert.All(records, r => Assert.Equal("stream_basic.public.stream_orders", r.Topic));
        Assert.Equal(
            ["c", "u", "d"],
            records.Take(3).Select(r => CdcHarness.Payload(r.Value).GetProperty("op").GetString())
        );
        var insert = CdcHarness.Payload(records[0].Value);
        Assert.Equal(JsonValueKind.Null, insert.GetProperty("before").ValueKind);
        Assert.Equal("ada", insert.GetProperty("after").GetProperty("customer").GetString());
        // numeric(10,2) is Kafka Connect's Decimal: the unscaled 1250 as big-endian bytes.
        Assert.Equal(
            Convert.ToBase64String([0x04, 0xE2]),
            insert.GetProperty("after").GetProperty("total").GetString()
        );
        var source = insert.GetProperty("source");
        Assert.Equal("postgresql", source.GetProperty("connector").GetString());
        Assert.Equal("stream_basic", source.GetProperty("name").GetString());
        Assert.Equal(Server.Database, source.GetProperty("db").GetString());
        Assert.Equal("public", source.GetProperty("schema").GetString());
        Assert.Equal("stream_orders", source.GetProperty("table").GetString());
        Assert.Equal("false", source.GetProperty("snapshot").GetString());
        Assert.True(source.GetProperty("lsn").GetInt64() > 0);
        Assert.True(source.GetProperty("txId").GetInt64() > 0);
        Assert.True(
            insert.GetProperty("ts_ms").GetInt64() >= source.GetProperty("ts_ms").GetInt64()
        );

        // The key is the primary key, with its schema (JsonConverter's envelope).
        Assert.All(
            records,
            r => Assert.Equal(1, CdcHarness.Payload(r.Key).GetProperty("id").GetInt32())
        );
        Assert.Equal(
            "stream_basic.public.stream_orders.Key",
            CdcHarness.Schema(records[0].Key).GetProperty("name").GetString()
        );
        var envelope = CdcHarness.Schema(records[0].Value);
        Assert.Equal(
            "stream_basic.public.stream_orders.Envelope",
            envelope.GetProperty("name").GetString()
        );

        // Default replica identity: the delete's before holds the key, the update has no before.
        Assert.Equal(
            JsonValueKind.Null,
            CdcHarness.Payload(records[1].Value).GetProperty("before").ValueKind
        );
        var delete = CdcHarness.Payload(records[2].Value);
        Assert.Equal(1, delete.GetProperty("before").GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, delete.GetProperty("after").ValueKind);
        Assert.Null(records[3].Value);
        Assert.Equal(records[2].Key, records[3].Key);
    }

    [Fact]
    public async Task ReplicaIdentityFull_GivesTheWholeOldRowAsBefore()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE stream_full (id int PRIMARY KEY, name text); ALTER TABLE stream_full REPLICA IDENTITY FULL"
        );
        await Server.ExecuteAsync("INSERT INTO stream_full VALUES (7, 'old')");
        await using var cdc = new CdcHarness(
            Server,
            "stream_full",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.include.list"] = "public\\.stream_full",
            }
        );
        await cdc.StreamingAsync();

        await Server.ExecuteAsync("UPDATE stream_full SET name = 'new' WHERE id = 7");
        var update = CdcHarness.Payload((await cdc.PollAsync(1))[0].Value);

        Assert.Equal("u", update.GetProperty("op").GetString());
        Assert.Equal("old", update.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("new", update.GetProperty("after").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ChangesOfSeveralTransactions_ComeInCommitOrder_AndExcludedTablesNot()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE order_a (id int PRIMARY KEY); CREATE TABLE order_b (id int PRIMARY KEY); CREATE TABLE order_skip (id int PRIMARY KEY)"
        );
        await using var cdc = new CdcHarness(
            Server,
            "stream_order",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.exclude.list"] = "public\\.order_skip",
            }
        );
        await cdc.StreamingAsync();

        await Server.ExecuteAsync(
            "BEGIN; INSERT INTO order_a VALUES (1); INSERT INTO order_skip VALUES (1); INSERT INTO order_b VALUES (2); COMMIT"
        );
        await Server.ExecuteAsync(
            "BEGIN; INSERT INTO order_b VALUES (3); INSERT INTO order_a VALUES (4); COMMIT"
        );
        var records = await cdc.PollAsync(4);
        await Task.Delay(300);
        Assert.Empty(await cdc.PollRestAsync(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(
            [1, 2, 3, 4],
            records.Select(r =>
                CdcHarness.Payload(r.Value).GetProperty("after").GetProperty("id").GetInt32()
            )
        );
        Assert.Equal(
            ["order_a", "order_b", "order_b", "order_a"],
            records.Select(r => r.Topic.Split('.')[^1])
        );
        var txIds = records
            .Select(r =>
                CdcHarness.Payload(r.Value).GetProperty("source").GetProperty("txId").GetInt64()
            )
            .ToList();
        Assert.Equal(txIds[0], txIds[1]);
        Assert.NotEqual(txIds[1], txIds[2]);
    }

    [Fact]
    public async Task AnAddedColumn_ShowsInTheNextEventsSchemaAndPayload()
    {
        await Server.ExecuteAsync("CREATE TABLE stream_evolve (id int PRIMARY KEY, name text)");
        await using var cdc = new CdcHarness(
            Server,
            "stream_evolve",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.include.list"] = "public\\.stream_evolve",
            }
        );
        await cdc.StreamingAsync();

        await Server.ExecuteAsync("INSERT INTO stream_evolve VALUES (1, 'a')");
        await Server.ExecuteAsync("ALTER TABLE stream_evolve ADD COLUMN qty bigint");
        await Server.ExecuteAsync("INSERT INTO stream_evolve VALUES (2, 'b', 5)");
        var records = await cdc.PollAsync(2);

        static List<string?> AfterFields(string? value) =>
            [
                .. CdcHarness
                    .Schema(value)
                    .GetProperty("fields")[1]
                    .GetProperty("fields")
                    .EnumerateArray()
                    .Select(f => f.GetProperty("field").GetString()),
            ];
        Assert.Equal(["id", "name"], AfterFields(records[0].Value));
        Assert.Equal(["id", "name", "qty"], AfterFields(records[1].Value));
        Assert.Equal(
            5,
            CdcHarness.Payload(records[1].Value).GetProperty("after").GetProperty("qty").GetInt64()
        );
    }

    [Fact]
    public async Task Truncate_IsAnOpTEvent_WhenNotSkipped()
    {
        await Server.ExecuteAsync("CREATE TABLE stream_truncate (id int PRIMARY KEY)");
        await using var cdc = new CdcHarness(
            Server,
            "stream_truncate",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.include.list"] = "public\\.stream_truncate",
                ["skipped.operations"] = "none",
            }
        );
        await cdc.StreamingAsync();

        await Server.ExecuteAsync("INSERT INTO stream_truncate VALUES (1)");
        await Server.ExecuteAsync("TRUNCATE stream_truncate");
        var records = await cdc.PollAsync(2);

        var truncate = CdcHarness.Payload(records[1].Value);
        Assert.Equal("t", truncate.GetProperty("op").GetString());
        Assert.Null(records[1].Key);
    }
}
