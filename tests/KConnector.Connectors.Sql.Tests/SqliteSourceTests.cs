using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

public sealed class SqliteSourceTests : IDisposable
{
    private readonly SqliteFile _sqlite = new("kconnector-source");

    public void Dispose() => _sqlite.Dispose();

    private SqlSourceTask<Product> Task(
        string mode,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>?>? offsets =
            null
    ) =>
        new(
            SqlSourceOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = _sqlite.Url,
                    ["mode"] = mode,
                    ["table.whitelist"] = "products",
                    ["topic.prefix"] = "lite-",
                    ["incrementing.column.name"] = "id",
                    ["timestamp.column.name"] = "modified",
                    ["poll.interval.ms"] = "20",
                    ["batch.max.rows"] = "2",
                }
            ),
            new AvroRecordAccessor<Product>(),
            offsets
        );

    [Fact]
    public async Task TimestampIncrementing_OnTextTimestamps_FindsNewAndUpdatedRowsAndResumes()
    {
        _sqlite.Execute(
            "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL, in_stock INTEGER, modified TEXT NOT NULL)"
        );
        _sqlite.Execute(
            "INSERT INTO products VALUES (1, 'a', 1.5, 1, '2024-01-01 00:00:00'), (2, 'b', 2, 0, '2024-01-01 00:00:00'), (3, 'c', 3, NULL, '2024-01-02 00:00:00')"
        );
        IReadOnlyDictionary<string, string>? stored;
        await using (var task = Task("timestamp+incrementing"))
        {
            var records = await PollAsync(task, 3);
            Assert.Equal(["a", "b", "c"], records.Select(r => r.Value!.Name));
            Assert.Equal([true, false, null], records.Select(r => r.Value!.InStock));
            Assert.Equal("lite-products", records[0].Topic);
            stored = records[^1].SourceOffset;
        }
        _sqlite.Execute(
            "UPDATE products SET name = 'a2', modified = '2024-01-03 00:00:00' WHERE id = 1"
        );
        _sqlite.Execute("INSERT INTO products VALUES (4, 'd', 4, 1, '2024-01-03 00:00:00')");
        await using var restarted = Task("timestamp+incrementing", _ => stored);
        Assert.Equal(["a2", "d"], (await PollAsync(restarted, 2)).Select(r => r.Value!.Name));
    }

    [Fact]
    public async Task Incrementing_ReturnsOnlyNewRows()
    {
        _sqlite.Execute(
            "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL, in_stock INTEGER, modified TEXT)"
        );
        _sqlite.Execute(
            "INSERT INTO products (id, name, price) VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)"
        );
        await using var task = Task("incrementing");
        Assert.Equal([1L, 2, 3], (await PollAsync(task, 3)).Select(r => r.Value!.Id));
        _sqlite.Execute("INSERT INTO products (id, name, price) VALUES (10, 'j', 10)");
        Assert.Equal([10L], (await PollAsync(task, 1)).Select(r => r.Value!.Id));
    }

    private static async Task<List<KConnector.Records.SourceRecord<string, Product>>> PollAsync(
        SqlSourceTask<Product> task,
        int count
    ) => await SourcePolling.PollAsync(task, count);
}
