using KConnector.Configuration;
using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Errors;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// message.key.columns: Debezium's custom record keys, for a table without a primary key or keyed
/// by other columns, in the order given; a wrong entry or column is an error naming the key.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class MessageKeyColumnsTests(LogicalPostgreSql fixture)
{
    private Sql.Tests.PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task ATableWithoutPrimaryKey_IsKeyedByTheColumnsGiven_InTheirOrder()
    {
        await Server.ExecuteAsync(
            "CREATE TABLE mk_events (code text, region text NOT NULL, v int)"
        );
        await using var cdc = new CdcHarness(
            Server,
            "mk_keys",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["message.key.columns"] = "public\\.other:id; public\\.mk_.*:region,code",
            }
        );
        await cdc.StreamingAsync();

        await Server.ExecuteAsync("INSERT INTO mk_events VALUES ('a1', 'eu', 7)");
        var record = (await cdc.PollAsync(1)).Single();

        var key = CdcHarness.Payload(record.Key);
        Assert.Equal(["region", "code"], key.EnumerateObject().Select(p => p.Name));
        Assert.Equal("eu", key.GetProperty("region").GetString());
        Assert.Equal("a1", key.GetProperty("code").GetString());
        var schema = CdcHarness.Schema(record.Key);
        Assert.Equal("mk_keys.public.mk_events.Key", schema.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AColumnTheTableLacks_FailsThePoll_NamingTheKeyTableAndColumn()
    {
        await Server.ExecuteAsync("CREATE TABLE mk_missing (id int, v int)");
        await using var cdc = new CdcHarness(
            Server,
            "mk_missing",
            new Dictionary<string, string?>
            {
                ["message.key.columns"] = "public\\.mk_missing:nope",
                ["table.include.list"] = "public\\.mk_missing",
            }
        );
        await Server.ExecuteAsync("INSERT INTO mk_missing VALUES (1, 1)");

        var error = await Assert.ThrowsAsync<ConnectException>(() => cdc.PollAsync(1));

        Assert.Contains("message.key.columns", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("public.mk_missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public.orders")]
    [InlineData("public.orders:")]
    [InlineData("(public.orders:id")]
    public void AMalformedEntry_IsAConfigErrorNamingTheKey(string value)
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            PostgresCdcOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["database.hostname"] = "127.0.0.1",
                    ["database.user"] = "cdc",
                    ["database.dbname"] = "db",
                    ["topic.prefix"] = "p",
                    ["message.key.columns"] = value,
                }
            )
        );
        Assert.Contains("message.key.columns", error.Message, StringComparison.Ordinal);
    }
}
