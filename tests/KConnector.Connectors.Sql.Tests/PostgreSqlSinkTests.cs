using KConnector.Connectors.Errors;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Errors;
using KConnector.Records;

namespace KConnector.Connectors.Sql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSinkTests(PostgreSqlServer server)
{
    private static string Topic() => "orders_" + Guid.NewGuid().ToString("N")[..8];

    private SqlSinkTask<string, Order> Task(params (string, string)[] config) =>
        new(
            SqlSinkOptions.Parse(
                SinkRecords.Config(server.JdbcUrl, [("connection.user", server.User), .. config])
            ),
            new AvroRecordAccessor<Order>(),
            new PrimitiveRecordAccessor<string>("order_key")
        );

    /// <summary>The table <paramref name="topic"/>, created by the sink, already holding order 2.</summary>
    private async Task WriteOrderTwoAsync(string topic)
    {
        await using var first = Task(
            ("auto.create", "true"),
            ("pk.mode", "record_value"),
            ("pk.fields", "id")
        );
        await first.PutAsync(
            [SinkRecords.Of(topic, 0, (string?)null, SinkRecords.Order(2))],
            default
        );
        await first.FlushAsync(default);
    }

    /// <summary>Orders 1, 2 and 3 at offsets 10-12 in one put: order 2's key is taken.</summary>
    private static Task PutOrdersOneToThreeAsync(SqlSinkTask<string, Order> task, string topic) =>
        task.PutAsync(
                [
                    SinkRecords.Of(topic, 10, (string?)null, SinkRecords.Order(1)),
                    SinkRecords.Of(topic, 11, (string?)null, SinkRecords.Order(2)),
                    SinkRecords.Of(topic, 12, (string?)null, SinkRecords.Order(3)),
                ],
                default
            )
            .AsTask();

    [Fact]
    public async Task Insert_AutoCreate_CreatesTableWithMappedTypesAndWritesRows()
    {
        var topic = "types_" + Guid.NewGuid().ToString("N")[..8];
        await using var task = new SqlSinkTask<string, AllTypes>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    server.JdbcUrl,
                    ("connection.user", server.User),
                    ("auto.create", "true")
                )
            ),
            new AvroRecordAccessor<AllTypes>()
        );
        var value = new AllTypes
        {
            Flag = true,
            Small = -7,
            Big = long.MaxValue,
            Ratio = 0.25f,
            Precise = Math.PI,
            Payload = [1, 2, 255],
            Label = "ünïcødé",
            Maybe = null,
        };
        await task.PutAsync([SinkRecords.Of<string, AllTypes>(topic, 0, null, value)], default);
        await task.FlushAsync(default);

        var columns = await server.QueryAsync(
            $"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '{topic}' ORDER BY ordinal_position"
        );
        Assert.Equal(
            [
                "flag boolean NO",
                "small integer NO",
                "big bigint NO",
                "ratio real NO",
                "precise double precision NO",
                "payload bytea NO",
                "label text NO",
                "maybe bigint YES",
            ],
            columns.Select(c => $"{c[0]} {c[1]} {c[2]}")
        );
        var row = Assert.Single(await server.QueryAsync($"SELECT * FROM \"{topic}\""));
        Assert.Equal(
            [true, -7, long.MaxValue, 0.25f, Math.PI, new byte[] { 1, 2, 255 }, "ünïcødé", null],
            row
        );
    }

    [Fact]
    public async Task Put_CommitsEveryRecordOfThePutBeforeItReturns()
    {
        var topic = Topic();
        await using var task = Task(("auto.create", "true"), ("batch.size", "3"));
        await task.PutAsync(
            [
                .. Enumerable
                    .Range(0, 5)
                    .Select(i => SinkRecords.Of(topic, i, (string?)null, SinkRecords.Order(i))),
            ],
            default
        );

        // As JdbcDbWriter: batch.size only splits the statements; the put is one transaction.
        Assert.Equal(5L, await server.ScalarAsync($"SELECT COUNT(*) FROM \"{topic}\""));
        Assert.Equal(5, task.RecordsCommitted);
    }

    [Fact]
    public async Task Insert_DuplicateKeyInBatch_RollsBackTheWholeBatchAndNamesTheOffsets()
    {
        var topic = Topic();
        await WriteOrderTwoAsync(topic);
        await using var task = Task(
            ("pk.mode", "record_value"),
            ("pk.fields", "id"),
            ("batch.size", "10")
        );
        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            PutOrdersOneToThreeAsync(task, topic)
        );
        Assert.Equal(Stage.TASK_PUT, error.Stage);
        Assert.Contains($"{topic}-0@10 .. {topic}-0@12", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            [2L],
            (await server.QueryAsync($"SELECT id FROM \"{topic}\" ORDER BY id")).Select(r => r[0])
        );
    }

    [Fact]
    public async Task ErrorsToleranceAll_FailedBatchIsUnrolled_AndOnlyTheBadRecordIsReported()
    {
        var topic = Topic();
        await WriteOrderTwoAsync(topic);
        await using var task = Task(
            ("pk.mode", "record_value"),
            ("pk.fields", "id"),
            ("batch.size", "3"),
            ("errors.tolerance", "all")
        );

        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            PutOrdersOneToThreeAsync(task, topic)
        );

        var failed = Assert.Single(error.Failed);
        Assert.Equal(11, failed.Offset);
        Assert.Contains("duplicate key", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [1L, 2L, 3L],
            (await server.QueryAsync($"SELECT id FROM \"{topic}\" ORDER BY id")).Select(r => r[0])
        );
        Assert.Equal(2, task.RecordsCommitted);
    }

    [Fact]
    public async Task Upsert_RecordKey_ReplayUpdatesRowsInsteadOfDuplicating()
    {
        var topic = Topic();
        await using var task = Task(
            ("auto.create", "true"),
            ("insert.mode", "upsert"),
            ("pk.mode", "record_key"),
            ("pk.fields", "order_key")
        );
        await task.PutAsync(
            [
                SinkRecords.Of(topic, 0, "a", SinkRecords.Order(1, amount: 1)),
                SinkRecords.Of(topic, 1, "b", SinkRecords.Order(2, amount: 2)),
            ],
            default
        );
        await task.FlushAsync(default);
        await task.PutAsync(
            [
                SinkRecords.Of(topic, 2, "a", SinkRecords.Order(1, amount: 10, note: "changed")),
                SinkRecords.Of(
                    topic,
                    3,
                    "a",
                    SinkRecords.Order(1, amount: 11, note: "twice in a batch")
                ),
            ],
            default
        );
        await task.FlushAsync(default);

        var rows = await server.QueryAsync(
            $"SELECT order_key, amount, note FROM \"{topic}\" ORDER BY order_key"
        );
        Assert.Equal(["a 11 twice in a batch", "b 2 "], rows.Select(r => $"{r[0]} {r[1]} {r[2]}"));
        var key = await server.ScalarAsync(
            $"SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '\"{topic}\"'::regclass AND i.indisprimary"
        );
        Assert.Equal("order_key", key);
    }

    [Fact]
    public async Task Update_ChangesExistingRowsOnly()
    {
        var topic = Topic();
        await server.ExecuteAsync(
            $"CREATE TABLE \"{topic}\" (id BIGINT PRIMARY KEY, customer TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL, note TEXT)"
        );
        await server.ExecuteAsync($"INSERT INTO \"{topic}\" VALUES (1, 'old', 1, NULL)");
        await using var task = Task(
            ("insert.mode", "update"),
            ("pk.mode", "record_value"),
            ("pk.fields", "id")
        );
        await task.PutAsync(
            [
                SinkRecords.Of(topic, 0, (string?)null, SinkRecords.Order(1, "new", 5)),
                SinkRecords.Of(topic, 1, (string?)null, SinkRecords.Order(2, "absent", 5)),
            ],
            default
        );
        await task.FlushAsync(default);

        Assert.Equal(
            ["1 new 5"],
            (await server.QueryAsync($"SELECT id, customer, amount FROM \"{topic}\"")).Select(r =>
                $"{r[0]} {r[1]} {r[2]}"
            )
        );
    }

    [Fact]
    public async Task DeleteEnabled_TombstoneDeletesTheRowByKey()
    {
        var topic = Topic();
        await using var task = Task(
            ("auto.create", "true"),
            ("insert.mode", "upsert"),
            ("pk.mode", "record_key"),
            ("delete.enabled", "true"),
            ("batch.size", "100")
        );
        await task.PutAsync(
            [
                SinkRecords.Of(topic, 0, "a", SinkRecords.Order(1)),
                SinkRecords.Of(topic, 1, "b", SinkRecords.Order(2)),
                SinkRecords.Of<string, Order>(topic, 2, "a", null),
                SinkRecords.Of(topic, 3, "c", SinkRecords.Order(3)),
                SinkRecords.Of<string, Order>(topic, 4, "c", null),
                SinkRecords.Of(topic, 5, "c", SinkRecords.Order(4)),
            ],
            default
        );
        await task.FlushAsync(default);

        Assert.Equal(
            ["b 2", "c 4"],
            (
                await server.QueryAsync($"SELECT __connect_key, id FROM \"{topic}\" ORDER BY 1")
            ).Select(r => $"{r[0]} {r[1]}")
        );
    }

    [Fact]
    public async Task Tombstone_WithoutDeleteEnabled_FailsNamingTheRecord()
    {
        await using var task = Task(("auto.create", "true"));
        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            task.PutAsync([SinkRecords.Of<string, Order>("t", 7, "a", null)], default).AsTask()
        );
        Assert.Contains("t-0@7", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete.enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoEvolve_AddsNullableColumnForNewOptionalField()
    {
        var topic = Topic();
        await using (var v1 = Task(("auto.create", "true")))
        {
            await v1.PutAsync(
                [SinkRecords.Of(topic, 0, (string?)null, SinkRecords.Order(1))],
                default
            );
            await v1.FlushAsync(default);
        }
        await using var v2 = new SqlSinkTask<string, OrderV2>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    server.JdbcUrl,
                    ("connection.user", server.User),
                    ("auto.evolve", "true")
                )
            ),
            new AvroRecordAccessor<OrderV2>()
        );
        await v2.PutAsync(
            [
                SinkRecords.Of(
                    topic,
                    1,
                    (string?)null,
                    new OrderV2
                    {
                        Id = 2,
                        Customer = "x",
                        Amount = 1,
                        Channel = "web",
                    }
                ),
            ],
            default
        );
        await v2.FlushAsync(default);

        Assert.Equal(
            "YES",
            await server.ScalarAsync(
                $"SELECT is_nullable FROM information_schema.columns WHERE table_name = '{topic}' AND column_name = 'channel'"
            )
        );
        Assert.Equal(
            ["1 ", "2 web"],
            (await server.QueryAsync($"SELECT id, channel FROM \"{topic}\" ORDER BY id")).Select(
                r => $"{r[0]} {r[1]}"
            )
        );
    }

    [Fact]
    public async Task AutoEvolve_RequiredNewField_FailsNamingColumnAndTable()
    {
        var topic = Topic();
        await using (var v1 = Task(("auto.create", "true")))
        {
            await v1.PutAsync(
                [SinkRecords.Of(topic, 0, (string?)null, SinkRecords.Order(1))],
                default
            );
            await v1.FlushAsync(default);
        }
        await using var v3 = new SqlSinkTask<string, OrderV3>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    server.JdbcUrl,
                    ("connection.user", server.User),
                    ("auto.evolve", "true")
                )
            ),
            new AvroRecordAccessor<OrderV3>()
        );
        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            v3.PutAsync(
                    [
                        SinkRecords.Of(
                            topic,
                            1,
                            (string?)null,
                            new OrderV3
                            {
                                Id = 2,
                                Customer = "x",
                                Amount = 1,
                                Priority = 1,
                            }
                        ),
                    ],
                    default
                )
                .AsTask()
        );
        Assert.Contains("priority", error.Message, StringComparison.Ordinal);
        Assert.Contains(topic, error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await server.ScalarAsync($"SELECT COUNT(*) FROM \"{topic}\""));
    }

    [Fact]
    public async Task MissingTable_WithoutAutoCreate_FailsNamingTheTable()
    {
        var topic = Topic();
        await using var task = Task();
        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            task.PutAsync([SinkRecords.Of(topic, 0, (string?)null, SinkRecords.Order(1))], default)
                .AsTask()
        );
        Assert.Contains(topic, error.Message, StringComparison.Ordinal);
        Assert.Contains("auto.create", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PkModeKafka_WritesCoordinatesAsKeyAndUpsertIsIdempotent()
    {
        var topic = Topic();
        await using var task = Task(
            ("auto.create", "true"),
            ("insert.mode", "upsert"),
            ("pk.mode", "kafka"),
            ("table.name.format", "kafka_${topic}")
        );
        var batch = new[]
        {
            SinkRecords.Of(topic, 5, (string?)null, SinkRecords.Order(1)),
            SinkRecords.Of(topic, 6, (string?)null, SinkRecords.Order(2)),
        };
        await task.PutAsync(batch, default);
        await task.FlushAsync(default);
        await task.PutAsync(batch, default);
        await task.FlushAsync(default);

        var rows = await server.QueryAsync(
            $"SELECT __connect_topic, __connect_partition, __connect_offset, id FROM \"kafka_{topic}\" ORDER BY 3"
        );
        Assert.Equal(
            [$"{topic} 0 5 1", $"{topic} 0 6 2"],
            rows.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}")
        );
    }

    [Fact]
    public async Task RecordKeyStruct_UsesKeyFieldsAsCompositePrimaryKey()
    {
        var topic = Topic();
        await using var task = new SqlSinkTask<OrderKey, Order>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    server.JdbcUrl,
                    ("connection.user", server.User),
                    ("auto.create", "true"),
                    ("insert.mode", "upsert"),
                    ("pk.mode", "record_key")
                )
            ),
            new AvroRecordAccessor<Order>(),
            new AvroRecordAccessor<OrderKey>()
        );
        await task.PutAsync(
            [
                SinkRecords.Of(
                    topic,
                    0,
                    new OrderKey { Region = "eu", Id = 1 },
                    SinkRecords.Order(1, amount: 1)
                ),
                SinkRecords.Of(
                    topic,
                    1,
                    new OrderKey { Region = "us", Id = 1 },
                    SinkRecords.Order(1, amount: 2)
                ),
                SinkRecords.Of(
                    topic,
                    2,
                    new OrderKey { Region = "eu", Id = 1 },
                    SinkRecords.Order(1, amount: 3)
                ),
            ],
            default
        );
        await task.FlushAsync(default);

        // Key columns come first; the value's own "id" is the key's column, as JDBC sink's FieldsMetadata.
        Assert.Equal(
            ["eu 1 3", "us 1 2"],
            (
                await server.QueryAsync(
                    $"SELECT region, id, amount FROM \"{topic}\" ORDER BY region"
                )
            ).Select(r => $"{r[0]} {r[1]} {r[2]}")
        );
    }

    [Fact]
    public async Task UnreachableServer_IsRetriable_NeverARecordFailure()
    {
        await using var task = new SqlSinkTask<string, Order>(
            SqlSinkOptions.Parse(
                SinkRecords.Config(
                    "jdbc:postgresql://127.0.0.1:1/none",
                    ("connection.user", "x"),
                    ("connection.password", "s3cret-value"),
                    ("auto.create", "true"),
                    ("errors.tolerance", "all"),
                    ("max.retries", "1"),
                    ("retry.backoff.ms", "10")
                )
            ),
            new AvroRecordAccessor<Order>()
        );
        var records = new[] { SinkRecords.Of("t", 0, (string?)null, SinkRecords.Order(1)) };

        // The worker backs off and puts the batch again until errors.retry.timeout, then fails the
        // task: no record is rejected, so none can reach the dead-letter queue.
        var error = await Assert.ThrowsAsync<RetriableException>(() =>
            task.PutAsync(records, default).AsTask()
        );
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, task.RecordsCommitted);
    }

    [Fact]
    public async Task ConstraintViolation_InABatchOfOne_IsThatRecordsRejection_EvenUnderToleranceNone()
    {
        var topic = Topic();
        await using var task = Task(("auto.create", "true"));
        await server.ExecuteAsync(
            $"CREATE TABLE \"{topic}\" (id BIGINT NOT NULL, customer TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL CHECK (amount < 100), note TEXT NULL)"
        );

        var result = await task.TryPutAsync(
            [SinkRecords.Of(topic, 4, (string?)null, SinkRecords.Order(1, amount: 500))],
            default
        );

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(0, rejection.Index);
        Assert.IsType<ConnectException>(rejection.Error);
        Assert.Contains(
            "violates check constraint",
            rejection.Error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains($"{topic}-0@4", rejection.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await server.ScalarAsync($"SELECT COUNT(*) FROM \"{topic}\""));
    }
}
