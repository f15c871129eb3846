using System.Globalization;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Converters;
using KConnector.Kafka;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// Specs naming the JDBC sink (Specs/*.connector.json), compiled by the generator into workers with
/// no user code, run on the embedded Kafka cluster against SQLite and the real PostgreSQL server:
/// every record lands in the table exactly once, in the columns order.avsc declares.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SqlSinkSpecTests(PostgreSqlServer server) : IDisposable
{
    private readonly SqliteFile _sqlite = new("kconnector-spec");

    public void Dispose() => _sqlite.Dispose();

    private static Order OrderOf(int i) =>
        new()
        {
            Id = i,
            Customer = "customer-" + (i % 7).ToString(CultureInfo.InvariantCulture),
            Amount = i * 1.5,
            Note = i % 3 == 0 ? null : "note " + i.ToString(CultureInfo.InvariantCulture),
        };

    [Fact]
    public async Task SqliteSinkSpec_WritesEveryRecordOnce_IntoTheColumnsOfTheSchema()
    {
        const int Total = 500;
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec_orders", partitions: 3);
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-specs"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            "spec_orders",
            Total,
            i => values.FromConnectData("spec_orders", OrderOf(i))!
        );
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_FILE", _sqlite.Path);
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new OrdersSqliteSinkWorker(
                OrdersSqliteSinkConfig.Parse(
                    new Dictionary<string, string?>(OrdersSqliteSinkConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );

            await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_FILE", null);
        }

        Assert.Equal(
            ["id INTEGER 1", "customer TEXT 1", "amount REAL 1", "note TEXT 0"],
            _sqlite.Rows("SELECT name, type, \"notnull\" FROM pragma_table_info('spec_orders')")
        );
        var rows = _sqlite.Rows("SELECT id, customer, amount, note FROM spec_orders ORDER BY id");
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(i =>
                {
                    var o = OrderOf(i);
                    return string.Join(
                        ' ',
                        o.Id.ToString(CultureInfo.InvariantCulture),
                        o.Customer,
                        o.Amount.ToString(CultureInfo.InvariantCulture),
                        o.Note ?? "null"
                    );
                }),
            rows
        );
    }

    [Fact]
    public async Task SqliteSinkSpec_WithInvalidJdbcKeys_FailsNamingEachKey()
    {
        var typed = Assert.Throws<KConnector.Configuration.ConfigValidationException>(() =>
            OrdersSqliteSinkConfig.Parse(
                new Dictionary<string, string?>(OrdersSqliteSinkConfig.SpecValues)
                {
                    ["connection.url"] = _sqlite.Url,
                    ["insert.mode"] = "merge",
                    ["batch.size"] = "many",
                }
            )
        );
        Assert.Equal(
            ["batch.size", "insert.mode"],
            typed.Issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );

        // Rules across keys are the JDBC sink's own (JdbcSinkConfig), checked when the task is built.
        using var environment = new ConnectorEnvironment();
        var sink = new OrdersSqliteSinkWorker(
            OrdersSqliteSinkConfig.Parse(
                new Dictionary<string, string?>(OrdersSqliteSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = "127.0.0.1:1",
                    ["connection.url"] = _sqlite.Url,
                    ["delete.enabled"] = "true",
                    ["insert.mode"] = "upsert",
                }
            ),
            environment
        );
        var error = await Assert.ThrowsAsync<KConnector.Configuration.ConfigValidationException>(
            () =>
                sink.RunAsync(CancellationToken.None)
        );
        Assert.Contains(
            "delete.enabled: true requires pk.mode=record_key",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "insert.mode: upsert needs a primary key",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.False(System.IO.File.Exists(_sqlite.Path));
    }

    [Fact]
    public async Task PostgreSqlSinkSpec_UpsertsByTheKeyRecord_IntoTheColumnsOfBothSchemas()
    {
        const int Total = 300;
        var table = "spec_keyed_orders";
        await server.ExecuteAsync($"DROP TABLE IF EXISTS {table}");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(table, partitions: 2);
        var registry = new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-specs");
        var keys = new AvroConverter<OrderKey>(registry, isKey: true);
        var values = new AvroConverter<Order>(registry, isKey: false);
        // Each order twice, the second time with a new amount: upsert keeps one row per key.
        SpecWorkers.Produce(
            kafka,
            table,
            Total * 2,
            i => values.FromConnectData(table, OrderOf(i % Total) with { Amount = i })!,
            i => keys.FromConnectData(table, new OrderKey { Region = "eu", Id = i % Total })!
        );
        using var environment = new ConnectorEnvironment();
        var sink = new OrdersPostgresSinkWorker(
            OrdersPostgresSinkConfig.Parse(
                new Dictionary<string, string?>(OrdersPostgresSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["connection.url"] = server.JdbcUrl,
                    ["connection.user"] = server.User,
                }
            ),
            environment
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total * 2);

        var columns = await server.QueryAsync(
            $"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
        );
        Assert.Equal(
            [
                "region text NO",
                "id bigint NO",
                "customer text NO",
                "amount double precision NO",
                "note text YES",
            ],
            columns.Select(c => string.Join(' ', c))
        );
        var rows = await server.QueryAsync($"SELECT id, amount FROM {table} ORDER BY id");
        Assert.Equal(Total, rows.Count);
        Assert.All(rows, r => Assert.Equal((long)r[0]! + Total, (double)r[1]!));
    }

    [Fact]
    public async Task SqliteSinkSpec_ValueToKey_UpsertsRecordsWithoutKeysByTheKeyMadeFromTheValue()
    {
        const int Total = 200;
        const string Topic = "value_keyed_orders";
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        // One partition: records without a key are spread at random, and the test needs each
        // order's two records in order.
        kafka.CreateTopic(Topic, partitions: 1);
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-specs"),
            isKey: false
        );
        // No record has a key; each order comes twice, the second time with a new amount: ValueToKey(id) makes the key the table's primary key, and upsert keeps
        // one row per id with the later amount.
        SpecWorkers.Produce(
            kafka,
            Topic,
            Total * 2,
            i => values.FromConnectData(Topic, OrderOf(i % Total) with { Amount = i })!,
            nullKeys: true
        );
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_KEYED_FILE", _sqlite.Path);
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new ValueKeyedOrdersSqliteSinkWorker(
                ValueKeyedOrdersSqliteSinkConfig.Parse(
                    new Dictionary<string, string?>(ValueKeyedOrdersSqliteSinkConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );

            await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total * 2);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_KEYED_FILE", null);
        }

        // The key's field is the primary key, first; the value's id is that column, not another.
        Assert.Equal(
            ["id INTEGER 1 1", "customer TEXT 1 0", "amount REAL 1 0", "note TEXT 0 0"],
            _sqlite.Rows(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info('value_keyed_orders')"
            )
        );
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(i =>
                    string.Join(
                        ' ',
                        i.ToString(CultureInfo.InvariantCulture),
                        OrderOf(i).Customer,
                        (i + Total).ToString(CultureInfo.InvariantCulture)
                    )
                ),
            _sqlite.Rows("SELECT id, customer, amount FROM value_keyed_orders ORDER BY id")
        );
    }
}
