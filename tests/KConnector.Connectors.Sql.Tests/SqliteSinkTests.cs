using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Tests.Records;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

public sealed class SqliteSinkTests : IDisposable
{
    private readonly SqliteFile _sqlite = new("kconnector-sink");

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task ADatabaseThatCannotBeOpened_IsNamedInTheError()
    {
        // A file in a folder that does not exist: SQLite says only "unable to open database file".
        var path = Path.Combine(
            Path.GetTempPath(),
            "kconnector-missing-" + Guid.NewGuid().ToString("N"),
            "orders.db"
        );
        await using var task = new SqlSinkTask<string, Order>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    "jdbc:sqlite:" + path,
                    ("auto.create", "true"),
                    ("max.retries", "0")
                )
            ),
            new AvroRecordAccessor<Order>(),
            new PrimitiveRecordAccessor<string>("k")
        );

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await task.PutAsync(
                [SinkRecords.Of("orders", 0, "a", SinkRecords.Order(1, amount: 1))],
                default
            );
            await task.FlushAsync(default);
        });

        Assert.Contains("SQLite database " + path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertDeleteAndEvolve_EndToEndOnAFile()
    {
        await using (
            var task = new SqlSinkTask<string, Order>(
                SqlSinkOptions.Parse(
                    SinkRecords.Config(
                        _sqlite.Url,
                        ("auto.create", "true"),
                        ("insert.mode", "upsert"),
                        ("pk.mode", "record_key"),
                        ("pk.fields", "k"),
                        ("delete.enabled", "true"),
                        ("batch.size", "2")
                    )
                ),
                new AvroRecordAccessor<Order>(),
                new PrimitiveRecordAccessor<string>("k")
            )
        )
        {
            await task.PutAsync(
                [
                    SinkRecords.Of("orders", 0, "a", SinkRecords.Order(1, amount: 1)),
                    SinkRecords.Of("orders", 1, "b", SinkRecords.Order(2, amount: 2)),
                    SinkRecords.Of(
                        "orders",
                        2,
                        "a",
                        SinkRecords.Order(1, amount: 3, note: "again")
                    ),
                    SinkRecords.Of<string, Order>("orders", 3, "b", null),
                    SinkRecords.Of("orders", 4, "c", SinkRecords.Order(3, amount: 4)),
                ],
                default
            );
            await task.FlushAsync(default);
        }
        Assert.Equal(
            ["a 1 acme 3 again", "c 3 acme 4 null"],
            _sqlite.Rows("SELECT * FROM orders ORDER BY k")
        );

        await using var v2 = new SqlSinkTask<string, OrderV2>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    _sqlite.Url,
                    ("auto.evolve", "true"),
                    ("insert.mode", "upsert"),
                    ("pk.mode", "record_key"),
                    ("pk.fields", "k")
                )
            ),
            new AvroRecordAccessor<OrderV2>(),
            new PrimitiveRecordAccessor<string>("k")
        );
        await v2.PutAsync(
            [
                SinkRecords.Of(
                    "orders",
                    5,
                    "d",
                    new OrderV2
                    {
                        Id = 4,
                        Customer = "z",
                        Amount = 5,
                        Channel = "api",
                    }
                ),
            ],
            default
        );
        await v2.FlushAsync(default);
        Assert.Equal(
            ["a null", "c null", "d api"],
            _sqlite.Rows("SELECT k, channel FROM orders ORDER BY k")
        );
        Assert.Contains(
            "INTEGER",
            string.Join(
                ",",
                _sqlite.Rows("SELECT type FROM pragma_table_info('orders') WHERE name = 'id'")
            ),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AllTypes_RoundTripThroughSqliteAffinities()
    {
        await using var task = new SqlSinkTask<string, AllTypes>(
            SqlSinkOptions.Parse(SinkRecords.Config(_sqlite.Url, ("auto.create", "true"))),
            new AvroRecordAccessor<AllTypes>()
        );
        await task.PutAsync(
            [
                SinkRecords.Of<string, AllTypes>(
                    "t",
                    0,
                    null,
                    new AllTypes
                    {
                        Flag = true,
                        Small = 3,
                        Big = -9,
                        Ratio = 1.5f,
                        Precise = 2.25,
                        Payload = [9],
                        Label = "x",
                        Maybe = 5,
                    }
                ),
            ],
            default
        );
        await task.FlushAsync(default);

        Assert.Equal(["1 3 -9 1.5 2.25 System.Byte[] x 5"], _sqlite.Rows("SELECT * FROM t"));
        Assert.Equal(
            ["INTEGER", "INTEGER", "INTEGER", "REAL", "REAL", "BLOB", "TEXT", "INTEGER"],
            _sqlite.Rows("SELECT type FROM pragma_table_info('t')")
        );
    }
}
