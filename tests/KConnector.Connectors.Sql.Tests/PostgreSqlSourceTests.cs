using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Errors;

namespace KConnector.Connectors.Sql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSourceTests(PostgreSqlServer server)
{
    private async Task<string> TableAsync(string timestampType = "TIMESTAMP")
    {
        var table = "products_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync(
            $"CREATE TABLE {table} (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, price NUMERIC(10,2) NOT NULL, in_stock BOOLEAN, updated_at {timestampType} NOT NULL DEFAULT '2024-01-01 00:00:00')"
        );
        return table;
    }

    private SqlSourceTask<Product> Task(
        string table,
        string mode,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>?>? offsets =
            null,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = server.JdbcUrl,
            ["connection.user"] = server.User,
            ["mode"] = mode,
            ["table.whitelist"] = table,
            ["topic.prefix"] = "pg-",
            ["incrementing.column.name"] = "id",
            ["timestamp.column.name"] = "updated_at",
            ["poll.interval.ms"] = "50",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return new SqlSourceTask<Product>(
            SqlSourceOptions.Parse(config),
            new AvroRecordAccessor<Product>(),
            offsets
        );
    }

    [Fact]
    public async Task Incrementing_ReturnsNewRowsInBatchesWithMappedTypesAndOffsets()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price, in_stock, updated_at) SELECT 'p' || g, g + 0.99, g % 2 = 0, TIMESTAMP '2024-05-01 12:00:00.123' FROM generate_series(1, 5) g"
        );
        await using var task = Task(table, "incrementing", null, ("batch.max.rows", "2"));

        var first = await task.PollAsync(default);
        Assert.Equal(2, first.Count);
        var all = first.Concat(await SourcePolling.PollAsync(task, 3)).ToList();

        Assert.Equal([1L, 2, 3, 4, 5], all.Select(r => r.Value!.Id));
        var p2 = all[1];
        Assert.Equal("pg-" + table, p2.Topic);
        Assert.Null(p2.Key);
        Assert.Equal(
            new Product
            {
                Id = 2,
                Name = "p2",
                Price = 2.99,
                InStock = true,
                UpdatedAt = new DateTimeOffset(
                    2024,
                    5,
                    1,
                    12,
                    0,
                    0,
                    123,
                    TimeSpan.Zero
                ).ToUnixTimeMilliseconds(),
            },
            p2.Value
        );
        Assert.Equal(table, p2.SourcePartition!["table"]);
        Assert.Equal("2", p2.SourceOffset!["incrementing"]);

        await server.ExecuteAsync($"INSERT INTO {table} (name, price) VALUES ('late', 1)");
        var later = await SourcePolling.PollAsync(task, 1);
        Assert.Equal(["late"], later.Select(r => r.Value!.Name));
    }

    [Fact]
    public async Task Restart_WithStoredOffset_NeitherSkipsNorRepeats()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price) SELECT 'p' || g, g FROM generate_series(1, 3) g"
        );
        IReadOnlyDictionary<string, string>? stored;
        await using (var first = Task(table, "incrementing"))
        {
            var records = await SourcePolling.PollAsync(first, 3);
            stored = records[^1].SourceOffset;
        }
        await server.ExecuteAsync($"INSERT INTO {table} (name, price) VALUES ('p4', 4), ('p5', 5)");
        await using var second = Task(
            table,
            "incrementing",
            partition => partition["table"] == table ? stored : null
        );

        var resumed = await SourcePolling.PollAsync(second, 2);
        Assert.Equal(["p4", "p5"], resumed.Select(r => r.Value!.Name));
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.Empty(await second.PollAsync(quiet.Token));
    }

    [Fact]
    public async Task TimestampIncrementing_SameTimestampAcrossBatches_AndUpdatesAreSeen()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price, updated_at) SELECT 'p' || g, g, '2024-02-02 10:00:00' FROM generate_series(1, 3) g"
        );
        await using var task = Task(table, "timestamp+incrementing", null, ("batch.max.rows", "2"));
        var initial = await SourcePolling.PollAsync(task, 3);
        Assert.Equal([1L, 2, 3], initial.Select(r => r.Value!.Id));

        // A restart in the middle of equal timestamps resumes by id (TimestampIncrementingCriteria).
        var afterSecond = initial[1].SourceOffset;
        await using var restarted = Task(table, "timestamp+incrementing", _ => afterSecond);
        Assert.Equal([3L], (await SourcePolling.PollAsync(restarted, 1)).Select(r => r.Value!.Id));

        await server.ExecuteAsync(
            $"UPDATE {table} SET name = 'renamed', updated_at = '2024-02-02 11:00:00' WHERE id = 2"
        );
        var updated = await SourcePolling.PollAsync(task, 1);
        Assert.Equal(["renamed"], updated.Select(r => r.Value!.Name));
        Assert.Equal("2", updated[0].SourceOffset!["incrementing"]);
    }

    [Fact]
    public async Task Timestamp_WithTimestampTz_ReturnsRowsChangedAfterTheOffset()
    {
        var table = await TableAsync("TIMESTAMPTZ");
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price, updated_at) VALUES ('a', 1, '2024-03-01 00:00:00+00'), ('b', 2, '2024-03-02 00:00:00+00')"
        );
        await using var task = Task(table, "timestamp");
        var records = await SourcePolling.PollAsync(task, 2);
        Assert.Equal(["a", "b"], records.Select(r => r.Value!.Name));
        Assert.Equal(
            new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero)
                .ToUnixTimeMilliseconds()
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
            records[1].SourceOffset!["timestamp"]
        );

        await server.ExecuteAsync(
            $"UPDATE {table} SET price = 7, updated_at = '2024-03-03 00:00:00+00' WHERE name = 'a'"
        );
        var changed = await SourcePolling.PollAsync(task, 1);
        Assert.Equal(7.0, Assert.Single(changed).Value!.Price);
    }

    [Fact]
    public async Task Bulk_ReturnsTheWholeTableEachPollInterval()
    {
        var table = await TableAsync();
        await server.ExecuteAsync($"INSERT INTO {table} (name, price) VALUES ('a', 1), ('b', 2)");
        await using var task = Task(table, "bulk");
        var first = await SourcePolling.PollAsync(task, 2);
        await server.ExecuteAsync($"INSERT INTO {table} (name, price) VALUES ('c', 3)");
        var second = await SourcePolling.PollAsync(task, 3);

        Assert.Equal(["a", "b"], first.Select(r => r.Value!.Name));
        Assert.Equal(["a", "b", "c"], second.Select(r => r.Value!.Name));
        Assert.Null(second[0].SourceOffset);
    }

    [Fact]
    public async Task Query_WithItsOwnWhere_IsWrappedAndGoesToThePrefixTopic()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price) VALUES ('cheap', 1), ('dear', 100), ('cheap2', 2)"
        );
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = server.JdbcUrl,
            ["connection.user"] = server.User,
            ["mode"] = "incrementing",
            ["incrementing.column.name"] = "id",
            ["query"] = $"SELECT id, name, price FROM {table} WHERE price < 50",
            ["topic.prefix"] = "cheap-products",
        };
        await using var task = new SqlSourceTask<Product>(
            SqlSourceOptions.Parse(config),
            new AvroRecordAccessor<Product>()
        );
        var records = await SourcePolling.PollAsync(task, 2);

        Assert.Equal(["cheap", "cheap2"], records.Select(r => r.Value!.Name));
        Assert.All(records, r => Assert.Equal("cheap-products", r.Topic));
        Assert.Equal("query", records[0].SourcePartition!["query"]);
        Assert.Null(records[0].Value!.InStock);
    }

    [Fact]
    public async Task ColumnTypes_MapToTheRecordFields()
    {
        var table = "types_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync(
            $"CREATE TABLE {table} (flag BOOLEAN NOT NULL, small SMALLINT NOT NULL, big BIGINT NOT NULL, ratio REAL NOT NULL, precise NUMERIC(12,4) NOT NULL, payload BYTEA NOT NULL, label VARCHAR(20) NOT NULL, maybe INT)"
        );
        await server.ExecuteAsync(
            $"INSERT INTO {table} VALUES (true, -3, 9007199254740993, 0.5, 12345.6789, '\\x00ff10', 'héllo', NULL), (false, 7, 1, 2, 0, '', '', 42)"
        );
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = server.JdbcUrl,
            ["connection.user"] = server.User,
            ["mode"] = "bulk",
            ["table.whitelist"] = table,
            ["topic.prefix"] = "t-",
        };
        await using var task = new SqlSourceTask<AllTypes>(
            SqlSourceOptions.Parse(config),
            new AvroRecordAccessor<AllTypes>()
        );
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var records = new List<KConnector.Records.SourceRecord<string, AllTypes>>();
        while (records.Count < 2)
        {
            records.AddRange(await task.PollAsync(deadline.Token));
        }

        var first = records.Single(r => r.Value!.Flag).Value!;
        Assert.Equal(
            (-3, 9007199254740993L, 0.5f, 12345.6789, "héllo", (long?)null),
            (first.Small, first.Big, first.Ratio, first.Precise, first.Label, first.Maybe)
        );
        Assert.Equal(new byte[] { 0, 255, 16 }, first.Payload);
        Assert.Equal(42L, records.Single(r => !r.Value!.Flag).Value!.Maybe);
    }

    [Fact]
    public async Task MissingRequiredColumn_FailsNamingTheFieldAndTable()
    {
        var table = "narrow_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync(
            $"CREATE TABLE {table} (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL)"
        );
        await using var task = Task(table, "incrementing");

        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            task.PollAsync(default).AsTask()
        );
        Assert.Equal(Stage.TASK_POLL, error.Stage);
        Assert.Contains("price", error.Message, StringComparison.Ordinal);
        Assert.Contains(table, error.Message, StringComparison.Ordinal);
    }
}
