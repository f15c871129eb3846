using System.Globalization;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// At-least-once: the slot's confirmed position moves only to transactions Kafka acknowledged
/// entirely, and a restart from the stored offset loses nothing and repeats nothing acknowledged.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class DeliveryTests(LogicalPostgreSql fixture)
{
    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    private static int Id(Records.SourceRecord<string, string> record) =>
        CdcHarness.Payload(record.Value).GetProperty("after").GetProperty("id").GetInt32();

    [Fact]
    public async Task TheSlot_IsConfirmedOnlyPastTransactionsKafkaAcknowledgedEntirely()
    {
        await Server.ExecuteAsync("CREATE TABLE delivery_confirm (id int PRIMARY KEY)");
        await using var cdc = new CdcHarness(
            Server,
            "delivery_confirm",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.include.list"] = "public\\.delivery_confirm",
            }
        );
        await cdc.StreamingAsync();
        var start = await cdc.ConfirmedFlushAsync();

        await Server.ExecuteAsync(
            "BEGIN; INSERT INTO delivery_confirm VALUES (1); INSERT INTO delivery_confirm VALUES (2); COMMIT"
        );
        await Server.ExecuteAsync("INSERT INTO delivery_confirm VALUES (3)");
        var records = await cdc.PollAsync(3);

        // Acknowledging the second transaction's change alone (out of order, as topics may) confirms nothing.
        await cdc.AcknowledgeAsync([records[2]]);
        await cdc.AcknowledgeAsync([records[0]]);
        await Task.Delay(200);
        Assert.Equal(start, await cdc.ConfirmedFlushAsync());

        // The first transaction completes: the slot moves past both (the second was acknowledged already).
        await cdc.AcknowledgeAsync([records[1]]);
        // The second transaction's end may come with the next poll (a change's poll may return before it).
        await cdc.PollRestAsync(TimeSpan.FromMilliseconds(300));
        await cdc.AcknowledgeAsync([]);
        var lsnOfLast = (ulong)
            CdcHarness
                .Payload(records[2].Value)
                .GetProperty("source")
                .GetProperty("lsn")
                .GetInt64();
        var confirmed = await WaitAsync(
            async () => await cdc.ConfirmedFlushAsync(),
            c => c > lsnOfLast
        );
        Assert.True(confirmed > lsnOfLast, $"confirmed {confirmed} should pass {lsnOfLast}");
    }

    [Fact]
    public async Task ARestart_ResumesAfterTheLastAcknowledgedChange_WithNoGapAndNoRepeat()
    {
        await Server.ExecuteAsync("CREATE TABLE delivery_resume (id int PRIMARY KEY)");
        var options = new Dictionary<string, string?>
        {
            ["snapshot.mode"] = "never",
            ["table.include.list"] = "public\\.delivery_resume",
        };
        var offsets = new Offsets.MemoryOffsetBackingStore();
        await using var first = new CdcHarness(Server, "delivery_resume", options, offsets);
        await first.StreamingAsync();
        // One transaction of 10 rows, then 10 transactions of one row.
        await Server.ExecuteAsync(
            "INSERT INTO delivery_resume SELECT g FROM generate_series(1, 10) g"
        );
        for (var i = 11; i <= 20; i++)
        {
            await Server.ExecuteAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"INSERT INTO delivery_resume VALUES ({i})"
                )
            );
        }
        var polled = await first.PollAsync(20);
        // Kafka acknowledged rows 1-15, then the worker stopped without confirming the rest.
        await first.AcknowledgeAsync(polled.Take(15));
        await first.StopAsync();

        await using var second = new CdcHarness(Server, "delivery_resume", options, offsets);
        var resumed = await second.PollAsync(5);
        Assert.Equal([16, 17, 18, 19, 20], resumed.Select(Id));
        Assert.Empty(await second.PollRestAsync(TimeSpan.FromMilliseconds(500)));
        await second.StopAsync();
    }

    [Fact]
    public async Task ARestartMidTransaction_SkipsOnlyTheAcknowledgedPartOfIt()
    {
        await Server.ExecuteAsync("CREATE TABLE delivery_mid (id int PRIMARY KEY)");
        var options = new Dictionary<string, string?>
        {
            ["snapshot.mode"] = "never",
            ["table.include.list"] = "public\\.delivery_mid",
        };
        var offsets = new Offsets.MemoryOffsetBackingStore();
        await using var first = new CdcHarness(Server, "delivery_mid", options, offsets);
        await first.StreamingAsync();
        await Server.ExecuteAsync(
            "INSERT INTO delivery_mid SELECT g FROM generate_series(1, 10) g"
        );
        var polled = await first.PollAsync(10);
        await first.AcknowledgeAsync(polled.Take(4));
        await first.StopAsync();

        await using var second = new CdcHarness(Server, "delivery_mid", options, offsets);
        var resumed = await second.PollAsync(6);
        Assert.Equal([5, 6, 7, 8, 9, 10], resumed.Select(Id));
        Assert.Empty(await second.PollRestAsync(TimeSpan.FromMilliseconds(500)));
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var started = DateTime.UtcNow;
        var value = await read();
        while (!done(value) && DateTime.UtcNow - started < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }
}
