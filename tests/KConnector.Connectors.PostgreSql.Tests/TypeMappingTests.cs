using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>Column types become the fields Debezium's PostgreSQL connector gives them (time.precision.mode=adaptive).</summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class TypeMappingTests(LogicalPostgreSql fixture)
{
    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    private const string Create = """
        CREATE TABLE typed (
          id bigint PRIMARY KEY, flag boolean, small smallint, real_value real, double_value double precision,
          exact numeric(12,3), loose numeric, uid uuid, doc jsonb, raw bytea, day date,
          at timestamp(6), at_ms timestamp(3), at_zone timestamptz, clock time, tags text[], counts int[])
        """;

    private const string Insert = """
        INSERT INTO typed VALUES (
          9000000000, true, -3, 1.5, 2.25,
          -1234.5, 3.14159, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '\x0102ff', '2024-02-29',
          '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15.123', '2024-02-29 13:14:15.5+02', '13:14:15.25', '{"x y",NULL,z}', '{1,2,3}')
        """;

    [Fact]
    public async Task EachTypeMapsAsDebeziums_InTheLogAndInTheSnapshotAlike()
    {
        await Server.ExecuteAsync(Create);
        await Server.ExecuteAsync(Insert);
        await using var cdc = new CdcHarness(
            Server,
            "typed",
            new Dictionary<string, string?> { ["table.include.list"] = "public\\.typed" }
        );
        var snapshot = (await cdc.PollAsync(1))[0];
        await Server.ExecuteAsync("DELETE FROM typed");
        await Server.ExecuteAsync(Insert);
        var streamed = (await cdc.PollAsync(3))[2];

        foreach (var record in new[] { snapshot, streamed })
        {
            var after = CdcHarness.Payload(record.Value).GetProperty("after");
            Assert.Equal(9000000000, after.GetProperty("id").GetInt64());
            Assert.True(after.GetProperty("flag").GetBoolean());
            Assert.Equal(-3, after.GetProperty("small").GetInt16());
            Assert.Equal(1.5f, after.GetProperty("real_value").GetSingle());
            Assert.Equal(2.25, after.GetProperty("double_value").GetDouble());
            // numeric(12,3): Decimal bytes of the unscaled -1234500.
            Assert.Equal(
                System.Numerics.BigInteger.Parse("-1234500"),
                new System.Numerics.BigInteger(
                    after.GetProperty("exact").GetBytesFromBase64(),
                    isBigEndian: true
                )
            );
            var loose = after.GetProperty("loose");
            Assert.Equal(5, loose.GetProperty("scale").GetInt32());
            Assert.Equal(
                314159,
                (int)
                    new System.Numerics.BigInteger(
                        loose.GetProperty("value").GetBytesFromBase64(),
                        isBigEndian: true
                    )
            );
            Assert.Equal(
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                after.GetProperty("uid").GetString()
            );
            Assert.Equal(JsonValueKind.String, after.GetProperty("doc").ValueKind);
            Assert.Equal(
                1,
                JsonDocument
                    .Parse(after.GetProperty("doc").GetString()!)
                    .RootElement.GetProperty("a")
                    .GetInt32()
            );
            Assert.Equal([1, 2, 255], after.GetProperty("raw").GetBytesFromBase64());
            Assert.Equal(
                new DateOnly(2024, 2, 29).DayNumber - new DateOnly(1970, 1, 1).DayNumber,
                after.GetProperty("day").GetInt32()
            );
            var at = new DateTimeOffset(
                2024,
                2,
                29,
                13,
                14,
                15,
                TimeSpan.Zero
            ).ToUnixTimeMilliseconds();
            Assert.Equal(at * 1000 + 123456, after.GetProperty("at").GetInt64());
            Assert.Equal(at + 123, after.GetProperty("at_ms").GetInt64());
            Assert.Equal("2024-02-29T11:14:15.5Z", after.GetProperty("at_zone").GetString());
            Assert.Equal(
                (13 * 3600 + 14 * 60 + 15) * 1_000_000L + 250_000,
                after.GetProperty("clock").GetInt64()
            );
            Assert.Equal(
                ["x y", null, "z"],
                after
                    .GetProperty("tags")
                    .EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString())
            );
            Assert.Equal(
                [1, 2, 3],
                after.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32())
            );
        }

        var fields = CdcHarness
            .Schema(snapshot.Value)
            .GetProperty("fields")[1]
            .GetProperty("fields")
            .EnumerateArray()
            .ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.Equal(
            "org.apache.kafka.connect.data.Decimal",
            fields["exact"].GetProperty("name").GetString()
        );
        Assert.Equal(
            "3",
            fields["exact"].GetProperty("parameters").GetProperty("scale").GetString()
        );
        Assert.Equal(
            "io.debezium.data.VariableScaleDecimal",
            fields["loose"].GetProperty("name").GetString()
        );
        Assert.Equal("io.debezium.data.Uuid", fields["uid"].GetProperty("name").GetString());
        Assert.Equal("io.debezium.data.Json", fields["doc"].GetProperty("name").GetString());
        Assert.Equal("io.debezium.time.Date", fields["day"].GetProperty("name").GetString());
        Assert.Equal(
            "io.debezium.time.MicroTimestamp",
            fields["at"].GetProperty("name").GetString()
        );
        Assert.Equal("io.debezium.time.Timestamp", fields["at_ms"].GetProperty("name").GetString());
        Assert.Equal(
            "io.debezium.time.ZonedTimestamp",
            fields["at_zone"].GetProperty("name").GetString()
        );
        Assert.Equal("io.debezium.time.MicroTime", fields["clock"].GetProperty("name").GetString());
        Assert.Equal("array", fields["tags"].GetProperty("type").GetString());
        Assert.False(fields["id"].GetProperty("optional").GetBoolean());
        Assert.True(fields["flag"].GetProperty("optional").GetBoolean());
    }
}
