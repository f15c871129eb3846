using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// The JDBC source's modes through MySqlConnector against the real MariaDB 10.11 the fixture starts
/// (jdbc:mariadb:// and jdbc:mysql:// URLs): bulk, incrementing, timestamp and timestamp+incrementing,
/// with the source offsets a restart resumes from.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class MariaDbSourceTests(MariaDbServer server)
{
    private async Task<string> TableAsync()
    {
        var table = "products_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync(
            $"CREATE TABLE {table} (id BIGINT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL, price DECIMAL(10,2) NOT NULL, in_stock BOOLEAN NULL, updated_at DATETIME(3) NOT NULL DEFAULT '2024-01-01 00:00:00')"
        );
        return table;
    }

    private SqlSourceTask<Product> Task(
        string table,
        string mode,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>?>? offsets =
            null,
        string? url = null
    ) =>
        new(
            SqlSourceOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = url ?? server.MariaDbJdbcUrl,
                    ["connection.user"] = server.User,
                    ["connection.password"] = server.Password,
                    ["mode"] = mode,
                    ["table.whitelist"] = table,
                    ["topic.prefix"] = "maria-",
                    ["incrementing.column.name"] = "id",
                    ["timestamp.column.name"] = "updated_at",
                    ["poll.interval.ms"] = "50",
                    ["batch.max.rows"] = "2",
                }
            ),
            new AvroRecordAccessor<Product>(),
            offsets
        );

    [Fact]
    public async Task Incrementing_ReadsNewRowsWithMappedTypes_AndResumesFromTheOffset()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price, in_stock, updated_at) VALUES ('p1', 1.99, 1, '2024-05-01 12:00:00.123'), ('p2', 2.99, 0, '2024-05-01 12:00:00.123'), ('p3', 3.99, NULL, '2024-05-01 12:00:00.123')"
        );
        IReadOnlyDictionary<string, string>? stored;
        await using (var task = Task(table, "incrementing", url: server.JdbcUrl))
        {
            var records = await SourcePolling.PollAsync(task, 3);
            Assert.Equal(["p1", "p2", "p3"], records.Select(r => r.Value!.Name));
            Assert.Equal("maria-" + table, records[0].Topic);
            Assert.Equal(
                new Product
                {
                    Id = 1,
                    Name = "p1",
                    Price = 1.99,
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
                records[0].Value
            );
            stored = records[^1].SourceOffset;
        }
        await server.ExecuteAsync($"INSERT INTO {table} (name, price) VALUES ('p4', 4)");
        await using var resumed = Task(
            table,
            "incrementing",
            p => p["table"] == table ? stored : null
        );

        Assert.Equal(
            ["p4"],
            (await SourcePolling.PollAsync(resumed, 1)).Select(r => r.Value!.Name)
        );
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.Empty(await resumed.PollAsync(quiet.Token));
    }

    [Fact]
    public async Task Timestamp_ReadsRowsChangedAfterTheOffset()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price, updated_at) VALUES ('a', 1, '2024-03-01 00:00:00'), ('b', 2, '2024-03-02 00:00:00')"
        );
        await using var task = Task(table, "timestamp");
        var records = await SourcePolling.PollAsync(task, 2);
        Assert.Equal(["a", "b"], records.Select(r => r.Value!.Name));

        await server.ExecuteAsync(
            $"UPDATE {table} SET price = 7, updated_at = '2024-03-03 00:00:00' WHERE name = 'a'"
        );
        Assert.Equal(7.0, Assert.Single(await SourcePolling.PollAsync(task, 1)).Value!.Price);
    }

    [Fact]
    public async Task TimestampIncrementing_ResumesInsideEqualTimestampsById_AndSeesUpdates()
    {
        var table = await TableAsync();
        await server.ExecuteAsync(
            $"INSERT INTO {table} (name, price, updated_at) VALUES ('p1', 1, '2024-02-02 10:00:00'), ('p2', 2, '2024-02-02 10:00:00'), ('p3', 3, '2024-02-02 10:00:00')"
        );
        await using var task = Task(table, "timestamp+incrementing");
        var initial = await SourcePolling.PollAsync(task, 3);
        Assert.Equal([1L, 2, 3], initial.Select(r => r.Value!.Id));

        var afterSecond = initial[1].SourceOffset;
        await using var restarted = Task(table, "timestamp+incrementing", _ => afterSecond);
        Assert.Equal([3L], (await SourcePolling.PollAsync(restarted, 1)).Select(r => r.Value!.Id));

        await server.ExecuteAsync(
            $"UPDATE {table} SET name = 'renamed', updated_at = '2024-02-02 11:00:00' WHERE id = 2"
        );
        Assert.Equal(
            ["renamed"],
            (await SourcePolling.PollAsync(task, 1)).Select(r => r.Value!.Name)
        );
    }

    [Fact]
    public async Task Bulk_ReadsTheWholeTableEachPoll()
    {
        var table = await TableAsync();
        await server.ExecuteAsync($"INSERT INTO {table} (name, price) VALUES ('a', 1), ('b', 2)");
        await using var task = Task(table, "bulk");

        Assert.Equal(
            ["a", "b"],
            (await SourcePolling.PollAsync(task, 2)).Select(r => r.Value!.Name)
        );
        Assert.Equal(
            ["a", "b"],
            (await SourcePolling.PollAsync(task, 2)).Select(r => r.Value!.Name)
        );
    }
}
