using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using KConnector.Connectors.Sql.Tests;
using Npgsql;

namespace KConnector.Templates.Tests;

/// <summary>
/// <c>dotnet run</c> of the postgres-cdc variant as its README tells a user to run it: against a
/// real PostgreSQL with wal_level=logical (started here on 127.0.0.1), as the spec's replication
/// role <c>cdc</c>, which owns the table, with its password in <c>Connector__database.password</c>.
/// The run's embedded cluster (its address is in the run's warning) is read while the run goes on:
/// the snapshot's two rows, then an insert, an update and a delete made after the snapshot.
/// </summary>
internal static partial class PostgresCdcRun
{
    private const string Topic = "shop.public.orders";
    private static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(60);

    public static async Task AssertChangeEventsAsync(TemplatePack pack, string directory)
    {
        var server = new PostgreSqlServer { WalLevel = "logical" };
        await server.StartAsync();
        try
        {
            var password = "pg-s3cret-" + Guid.NewGuid().ToString("N")[..10];
            await PrepareShopAsync(server, password);
            var (run, events) = await RunAsync(pack, directory, server, password);
            Assert.True(run.ExitCode == 0, "dotnet run never streamed the changes:\n" + run.Output);
            AssertEvents(events, run.Output);
            Assert.DoesNotContain(password, run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    /// <summary>What the README asks of the database: the role, and the table it owns (so that the
    /// filtered publication can be created by it), with REPLICA IDENTITY FULL and two rows.</summary>
    private static async Task PrepareShopAsync(PostgreSqlServer server, string password)
    {
        await server.ExecuteAsync($"CREATE ROLE cdc WITH LOGIN REPLICATION PASSWORD '{password}'");
        await server.ExecuteAsync("CREATE DATABASE shop OWNER cdc");
        await ExecuteAsync(
            server,
            """
            CREATE TABLE orders (id int PRIMARY KEY, customer_id bigint NOT NULL, quantity int NOT NULL, note text);
            ALTER TABLE orders OWNER TO cdc;
            ALTER TABLE orders REPLICA IDENTITY FULL;
            INSERT INTO orders VALUES (1, 7, 2, NULL), (2, 3, 1, 'gift');
            """
        );
    }

    private static async Task<(CommandResult Run, List<CdcChangeEvent> Events)> RunAsync(
        TemplatePack pack,
        string directory,
        PostgreSqlServer server,
        string password
    )
    {
        var environment = new Dictionary<string, string>(pack.Environment)
        {
            ["Connector__database.password"] = password,
        };
        var changed = false;
        List<CdcChangeEvent> events = [];
        var run = await DotnetCommand.RunAsync(
            directory,
            environment,
            TimeSpan.FromMinutes(2),
            output =>
            {
                if (!changed && output.Contains(": 2 records processed", StringComparison.Ordinal))
                {
                    changed = true;
                    ExecuteAsync(
                            server,
                            """
                            INSERT INTO orders VALUES (3, 5, 4, NULL);
                            UPDATE orders SET quantity = 5 WHERE id = 1;
                            DELETE FROM orders WHERE id = 2;
                            """
                        )
                        .GetAwaiter()
                        .GetResult();
                }
                // Two reads, an insert, an update, a delete and its tombstone, acknowledged.
                if (!output.Contains(": 6 records processed", StringComparison.Ordinal))
                {
                    return false;
                }
                events = ReadTopic(EmbeddedCluster().Match(output).Groups[1].Value, 6);
                return true;
            },
            [
                "run",
                "--no-build",
                "--",
                GeneratedWorkerRestApi.AnyFreePort,
                "--Connector:database.port="
                    + server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]
        );
        return (run, events);
    }

    private static void AssertEvents(List<CdcChangeEvent> events, string output)
    {
        Assert.True(
            events.Count == 6,
            $"{events.Count} events in {Topic}; the run said:\n{output}"
        );
        // Ordered per key (the topic's partitions are chosen by key).
        IEnumerable<string?> OpsOf(int id) => events.Where(e => e.Id == id).Select(e => e.Op);
        Assert.Equal(["r", "u"], OpsOf(1));
        Assert.Equal(["r", "d", null], OpsOf(2));
        Assert.Equal(["c"], OpsOf(3));
        var update = events.Single(e => e.Op == "u").Payload!.Value;
        Assert.Equal(2, update.GetProperty("before").GetProperty("quantity").GetInt32());
        Assert.Equal(5, update.GetProperty("after").GetProperty("quantity").GetInt32());
        var delete = events.Single(e => e.Op == "d").Payload!.Value;
        Assert.Equal("gift", delete.GetProperty("before").GetProperty("note").GetString());
        var source = delete.GetProperty("source");
        Assert.Equal("shop", source.GetProperty("db").GetString());
        Assert.Equal("orders", source.GetProperty("table").GetString());
    }

    private static async Task ExecuteAsync(PostgreSqlServer server, string sql)
    {
        var shop = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "shop" };
        await using var connection = new NpgsqlConnection(shop.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every record of the topic, from each of its partitions' start.</summary>
    private static List<CdcChangeEvent> ReadTopic(string bootstrapServers, int expected)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "template-tests-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        };
        using var admin = new AdminClientBuilder(config).Build();
        var partitions = admin
            .GetMetadata(Topic, TimeSpan.FromSeconds(30))
            .Topics.Single()
            .Partitions.Select(p => new TopicPartitionOffset(
                Topic,
                p.PartitionId,
                Offset.Beginning
            ));
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        consumer.Assign(partitions);
        var events = new List<CdcChangeEvent>();
        var started = DateTime.UtcNow;
        while (events.Count < expected && DateTime.UtcNow - started < ReadDeadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message is { } message)
            {
                events.Add(CdcChangeEvent.From(message.Key!, message.Value));
            }
        }
        consumer.Close();
        return events;
    }

    [GeneratedRegex(@"EMBEDDED Kafka cluster at (\S+?)\.? ")]
    private static partial Regex EmbeddedCluster();
}
