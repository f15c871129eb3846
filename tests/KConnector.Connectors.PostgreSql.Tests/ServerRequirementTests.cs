using KConnector.Connectors.Sql.Tests;
using KConnector.Errors;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>What the server lacks is named, with what to do, and the password never shows.</summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class ServerRequirementTests(LogicalPostgreSql fixture)
{
    [Fact]
    public async Task ARoleWithoutReplication_IsRefused_NamingTheRoleAndTheFix()
    {
        var server = fixture.Server;
        await server.ExecuteAsync(
            "CREATE ROLE plain_reader LOGIN PASSWORD 's3cret-pw' NOREPLICATION"
        );
        await using var cdc = new CdcHarness(
            server,
            "no_replication",
            new Dictionary<string, string?>
            {
                ["database.user"] = "plain_reader",
                ["database.password"] = "s3cret-pw",
                ["snapshot.mode"] = "never",
            }
        );
        cdc.Start();

        var error = await Assert.ThrowsAsync<ConnectException>(() => cdc.PollAsync(1));

        Assert.Contains("'plain_reader' (database.user)", error.Message, StringComparison.Ordinal);
        Assert.Contains("WITH REPLICATION", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamTheServerEnds_FailsThePoll_NamingTheSlotAndServer()
    {
        var server = fixture.Server;
        await server.ExecuteAsync("CREATE TABLE ended_stream (id int PRIMARY KEY)");
        await using var cdc = new CdcHarness(
            server,
            "ended_stream",
            new Dictionary<string, string?>
            {
                ["snapshot.mode"] = "never",
                ["table.include.list"] = "public\\.ended_stream",
            }
        );
        await cdc.StreamingAsync();

        await server.ExecuteAsync(
            "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = 'ended_stream'"
        );
        var error = await Assert.ThrowsAsync<ConnectException>(() => cdc.PollAsync(1));

        Assert.Contains("slot 'ended_stream'", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            $"kconnector@127.0.0.1:{server.Port}/postgres",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AServerWithoutWalLevelLogical_IsRefused_SayingWhatToSet()
    {
        var replica = new PostgreSqlServer();
        await replica.StartAsync();
        try
        {
            await using var cdc = new CdcHarness(
                replica,
                "no_logical",
                new Dictionary<string, string?> { ["snapshot.mode"] = "never" }
            );
            cdc.Start();

            var error = await Assert.ThrowsAsync<ConnectException>(() => cdc.PollAsync(1));

            Assert.Contains("wal_level=replica", error.Message, StringComparison.Ordinal);
            Assert.Contains("wal_level = logical", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await replica.StopAsync();
        }
    }
}
