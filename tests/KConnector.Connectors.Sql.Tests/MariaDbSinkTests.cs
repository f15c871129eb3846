using KConnector.Connectors.Errors;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// The JDBC sink's MySQL dialect through MySqlConnector against the real MariaDB 10.11 the fixture
/// starts: insert, upsert (ON DUPLICATE KEY UPDATE), update, delete.enabled, the pk modes,
/// auto.create with the logical types' columns, auto.evolve, and rows MariaDB refuses rejected alone.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class MariaDbSinkTests(MariaDbServer server)
{
    private static string Topic() => "orders_" + Guid.NewGuid().ToString("N")[..8];

    private SqlSinkTask<string, T> Task<T>(
        RecordAccessor<T> value,
        params (string, string)[] config
    ) =>
        new(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    server.JdbcUrl,
                    [
                        ("connection.user", server.User),
                        ("connection.password", server.Password),
                        .. config,
                    ]
                )
            ),
            value,
            new PrimitiveRecordAccessor<string>("order_key")
        );

    private SqlSinkTask<string, Order> Task(params (string, string)[] config) =>
        Task(new AvroRecordAccessor<Order>(), config);

    private async Task<List<string>> RowsAsync(string sql) =>
        [
            .. (await server.QueryAsync(sql)).Select(r =>
                string.Join(
                    ' ',
                    r.Select(v =>
                        Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
                    )
                )
            ),
        ];

    [Fact]
    public async Task Upsert_RecordValueKey_OnDuplicateKeyUpdateKeepsOneRowPerKey()
    {
        var topic = Topic();
        await using var task = Task(
            ("auto.create", "true"),
            ("insert.mode", "upsert"),
            ("pk.mode", "record_value"),
            ("pk.fields", "id")
        );
        await task.PutAsync(
            [
                .. Enumerable
                    .Range(0, 6)
                    .Select(i =>
                        SinkRecords.Of(topic, i, (string?)null, SinkRecords.Order(i % 3, amount: i))
                    ),
            ],
            default
        );

        Assert.Equal(
            ["0 3", "1 4", "2 5"],
            await RowsAsync($"SELECT id, amount FROM `{topic}` ORDER BY id")
        );
        Assert.Equal(
            ["id bigint(20) NO PRI", "customer text NO ", "amount double NO ", "note text YES "],
            await RowsAsync(
                $"SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_KEY FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{topic}' ORDER BY ORDINAL_POSITION"
            )
        );
    }

    [Fact]
    public async Task UpdateAndDeleteEnabled_ChangeAndDeleteRowsByTheRecordKey()
    {
        var topic = Topic();
        await using (
            var create = Task(
                ("auto.create", "true"),
                ("insert.mode", "upsert"),
                ("pk.mode", "record_key"),
                ("delete.enabled", "true")
            )
        )
        {
            await create.PutAsync(
                [
                    SinkRecords.Of(topic, 0, "a", SinkRecords.Order(1)),
                    SinkRecords.Of(topic, 1, "b", SinkRecords.Order(2)),
                    SinkRecords.Of(topic, 2, "c", SinkRecords.Order(3)),
                    SinkRecords.Of<string, Order>(topic, 3, "a", null),
                ],
                default
            );
        }
        await using var update = Task(("insert.mode", "update"), ("pk.mode", "record_key"));
        await update.PutAsync(
            [
                SinkRecords.Of(topic, 4, "b", SinkRecords.Order(20, note: "changed")),
                SinkRecords.Of(topic, 5, "zz", SinkRecords.Order(99)),
            ],
            default
        );

        Assert.Equal(
            ["b 20 changed", "c 3 "],
            await RowsAsync($"SELECT __connect_key, id, note FROM `{topic}` ORDER BY 1")
        );
    }

    [Fact]
    public async Task PkModeKafka_AndAutoEvolve_AddTheCoordinatesAndTheNewOptionalColumn()
    {
        var topic = Topic();
        await using (var v1 = Task(("auto.create", "true"), ("pk.mode", "kafka")))
        {
            await v1.PutAsync(
                [SinkRecords.Of(topic, 7, (string?)null, SinkRecords.Order(1))],
                default
            );
        }
        await using var v2 = Task(
            new AvroRecordAccessor<OrderV2>(),
            ("auto.evolve", "true"),
            ("pk.mode", "kafka"),
            ("insert.mode", "upsert")
        );
        await v2.PutAsync(
            [
                SinkRecords.Of(
                    topic,
                    7,
                    (string?)null,
                    new OrderV2
                    {
                        Id = 1,
                        Customer = "x",
                        Amount = 2,
                        Channel = "web",
                    }
                ),
                SinkRecords.Of(
                    topic,
                    8,
                    (string?)null,
                    new OrderV2
                    {
                        Id = 2,
                        Customer = "y",
                        Amount = 3,
                    }
                ),
            ],
            default
        );

        Assert.Equal(
            [$"{topic} 0 7 1 web", $"{topic} 0 8 2 "],
            await RowsAsync(
                $"SELECT __connect_topic, __connect_partition, __connect_offset, id, channel FROM `{topic}` ORDER BY __connect_offset"
            )
        );
    }

    [Fact]
    public async Task LogicalTypes_GetMySqlColumnTypes_AndTheSourceReadsTheRecordsBack()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS ledger");
        await using (
            var task = Task(new AvroRecordAccessor<LedgerEntry>(), ("auto.create", "true"))
        )
        {
            await task.PutAsync(
                [
                    .. Enumerable
                        .Range(0, 10)
                        .Select(i =>
                            SinkRecords.Of(
                                "ledger",
                                i,
                                (string?)null,
                                SqlLogicalTypesTests.Entry(i)
                            )
                        ),
                ],
                default
            );
        }

        Assert.Equal(
            [
                "id bigint(20)",
                "amount decimal(9,2)",
                "booked_on date",
                "cut_off time(3)",
                "cut_off_micros time(6)",
                "booked_at datetime(3)",
                "settled_at datetime(6)",
                "wall_clock datetime(3)",
                "reference char(36)",
                "fee decimal(6,3)",
            ],
            await RowsAsync(
                "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ledger' ORDER BY ORDINAL_POSITION"
            )
        );
        await using var source = new SqlSourceTask<LedgerEntry>(
            SqlSourceOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = server.MariaDbJdbcUrl,
                    ["connection.user"] = server.User,
                    ["connection.password"] = server.Password,
                    ["mode"] = "incrementing",
                    ["incrementing.column.name"] = "id",
                    ["table.whitelist"] = "ledger",
                    ["topic.prefix"] = "maria-",
                    ["poll.interval.ms"] = "50",
                }
            ),
            new AvroRecordAccessor<LedgerEntry>()
        );
        var read = await SourcePolling.PollAsync(source, 10);
        Assert.Equal(
            Enumerable.Range(0, 10).Select(SqlLogicalTypesTests.Entry),
            read.Select(r => r.Value!).OrderBy(e => e.Id)
        );
    }

    [Fact]
    public async Task RowsMariaDbRefuses_AreRejectedAlone_UnderToleranceAll()
    {
        var topic = Topic();
        await server.ExecuteAsync(
            $"CREATE TABLE `{topic}` (id BIGINT NOT NULL PRIMARY KEY, customer TEXT NOT NULL, amount DOUBLE NOT NULL CHECK (amount >= 0), note TEXT NULL)"
        );
        await using var task = Task(
            ("pk.mode", "record_value"),
            ("pk.fields", "id"),
            ("errors.tolerance", "all")
        );

        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            task.PutAsync(
                    [
                        SinkRecords.Of(topic, 0, (string?)null, SinkRecords.Order(1)),
                        SinkRecords.Of(topic, 1, (string?)null, SinkRecords.Order(2, amount: -5)),
                        SinkRecords.Of(topic, 2, (string?)null, SinkRecords.Order(3)),
                    ],
                    default
                )
                .AsTask()
        );

        var failed = Assert.Single(error.Failed);
        Assert.Equal(1, failed.Offset);
        Assert.Contains("CONSTRAINT", failed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["1", "3"], await RowsAsync($"SELECT id FROM `{topic}` ORDER BY id"));
    }
}
