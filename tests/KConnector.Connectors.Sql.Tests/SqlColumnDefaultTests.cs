using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Tests.Records;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// Schema defaults become column defaults, as the JDBC sink's CREATE TABLE and ALTER TABLE write
/// them; auto.evolve may then add a required field that has a default (existing rows take it).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SqlColumnDefaultTests(PostgreSqlServer server) : IDisposable
{
    private readonly SqliteFile _sqlite = new("kconnector-defaults");

    public void Dispose() => _sqlite.Dispose();

    private static OrderV4 V4(long id) =>
        new()
        {
            Id = id,
            Customer = "c",
            Amount = 1,
            Priority = 9,
            Region = "us",
            Express = true,
            Discount = null,
        };

    [Fact]
    public async Task Sqlite_AutoCreate_WritesTheDefaults_AndAutoEvolve_AddsDefaultedColumns()
    {
        var url = _sqlite.Url;
        await using (
            var v1 = new SqlSinkTask<string, Order>(
                SqlSinkOptions.Parse(SinkRecords.Config(url, ("auto.create", "true"))),
                new AvroRecordAccessor<Order>()
            )
        )
        {
            await v1.PutAsync(
                [
                    SinkRecords.Of<string, Order>(
                        "orders",
                        0,
                        null,
                        new Order
                        {
                            Id = 1,
                            Customer = "old",
                            Amount = 2,
                        }
                    ),
                ],
                default
            );
            await v1.FlushAsync(default);
        }
        await using (
            var v4 = new SqlSinkTask<string, OrderV4>(
                SqlSinkOptions.Parse(SinkRecords.Config(url, ("auto.evolve", "true"))),
                new AvroRecordAccessor<OrderV4>()
            )
        )
        {
            await v4.PutAsync([SinkRecords.Of<string, OrderV4>("orders", 1, null, V4(2))], default);
            await v4.FlushAsync(default);
        }

        Assert.Equal(
            ["1 3 o'hare 0 0.5", "2 9 us 1 null"],
            _sqlite.Rows("SELECT id, priority, region, express, discount FROM orders ORDER BY id")
        );
        Assert.Equal(
            ["priority 1 3", "region 1 'o''hare'", "express 1 FALSE", "discount 0 0.5"],
            _sqlite.Rows(
                "SELECT name, \"notnull\", dflt_value FROM pragma_table_info('orders') WHERE name IN ('priority', 'region', 'express', 'discount') ORDER BY cid"
            )
        );
    }

    [Fact]
    public async Task PostgreSql_AutoCreate_WritesTheDefaults()
    {
        var table = "defaults_" + Guid.NewGuid().ToString("N")[..8];
        await using (
            var sink = new SqlSinkTask<string, OrderV4>(
                SqlSinkOptions.Parse(
                    SinkRecords.Config(
                        server.JdbcUrl,
                        ("connection.user", server.User),
                        ("auto.create", "true")
                    )
                ),
                new AvroRecordAccessor<OrderV4>()
            )
        )
        {
            await sink.PutAsync([SinkRecords.Of<string, OrderV4>(table, 0, null, V4(1))], default);
            await sink.FlushAsync(default);
        }
        await server.ExecuteAsync($"INSERT INTO {table} (id, customer, amount) VALUES (2, 'x', 3)");

        var rows = await server.QueryAsync(
            $"SELECT id, priority, region, express, discount FROM {table} ORDER BY id"
        );
        Assert.Equal(
            ["1 9 us True null", "2 3 o'hare False 0.5"],
            rows.Select(r =>
                string.Join(
                    ' ',
                    r.Select(v =>
                        Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
                            is { Length: > 0 } text
                            ? text
                            : "null"
                    )
                )
            )
        );
    }
}
