using System.Globalization;
using System.Text;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Testing.DeadLetters;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// The JDBC sink's spec workers (Specs/checked-orders-*-sink.connector.json: errors.tolerance=all and
/// a dead-letter queue) on the embedded Kafka against a table with a CHECK constraint: the rows the
/// database refuses are exactly the dead-lettered records (stage TASK_PUT, the database's message),
/// every other row is written once, and the group's offsets move past all of them. A database that
/// cannot be reached is not the records' fault: the task fails and nothing is dead-lettered.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SqlSinkDeadLetterTests(PostgreSqlServer server) : IDisposable
{
    private const string Topic = "checked_orders";
    private const string DeadLetters = "checked_orders_dlq";
    private const int Total = 60;

    private const string CreateTable =
        "CREATE TABLE checked_orders (id BIGINT NOT NULL PRIMARY KEY, customer TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL CHECK (amount >= 0), note TEXT NULL)";

    private readonly SqliteFile _sqlite = new("kconnector-dlq");

    public void Dispose() => _sqlite.Dispose();

    // Every tenth order (3, 13, 23, ...) has a negative amount, which the CHECK constraint refuses.
    private static bool Refused(int i) => i % 10 == 3;

    private static Order OrderOf(int i) =>
        new()
        {
            Id = i,
            Customer = "c" + i.ToString(CultureInfo.InvariantCulture),
            Amount = Refused(i) ? -1 : i,
        };

    [Fact]
    public async Task PostgreSqlSinkSpec_RowsTheCheckConstraintRefuses_AreDeadLettered_TheRestWrittenOnce()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS checked_orders");
        await server.ExecuteAsync(CreateTable);
        using var kafka = StartKafka();
        using var environment = new ConnectorEnvironment();
        var sink = new CheckedOrdersPostgresSinkWorker(
            CheckedOrdersPostgresSinkConfig.Parse(
                new Dictionary<string, string?>(CheckedOrdersPostgresSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["connection.url"] = server.JdbcUrl,
                    ["connection.user"] = server.User,
                }
            ),
            environment
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);

        var ids = (await server.QueryAsync("SELECT id FROM checked_orders ORDER BY id")).Select(r =>
            (long)r[0]!
        );
        AssertDeadLettered(
            kafka,
            "violates check constraint",
            "connect-checked-orders-postgres-sink"
        );
        Assert.Equal(Enumerable.Range(0, Total).Where(i => !Refused(i)).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task SqliteSinkSpec_RowsTheCheckConstraintRefuses_AreDeadLettered_TheRestWrittenOnce()
    {
        _sqlite.Execute(CreateTable.Replace("DOUBLE PRECISION", "REAL", StringComparison.Ordinal));
        using var kafka = StartKafka();
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_DLQ_FILE", _sqlite.Path);
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new CheckedOrdersSqliteSinkWorker(
                CheckedOrdersSqliteSinkConfig.Parse(
                    new Dictionary<string, string?>(CheckedOrdersSqliteSinkConfig.SpecValues)
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
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_DLQ_FILE", null);
        }

        AssertDeadLettered(kafka, "CHECK constraint failed", "connect-checked-orders-sqlite-sink");
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Where(i => !Refused(i))
                .Select(i => i.ToString(CultureInfo.InvariantCulture)),
            _sqlite.Rows("SELECT id FROM checked_orders ORDER BY id")
        );
    }

    [Fact]
    public async Task PostgreSqlSinkSpec_DatabaseUnreachable_FailsTheTask_AndDeadLettersNothing()
    {
        using var kafka = StartKafka();
        using var environment = new ConnectorEnvironment();
        var sink = new CheckedOrdersPostgresSinkWorker(
            CheckedOrdersPostgresSinkConfig.Parse(
                new Dictionary<string, string?>(CheckedOrdersPostgresSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["connection.url"] = "jdbc:postgresql://127.0.0.1:1/none",
                    ["connection.user"] = "nobody",
                    ["connection.password"] = "s3cret-value",
                    ["max.retries"] = "1",
                    ["retry.backoff.ms"] = "100",
                }
            ),
            environment
        );

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => sink.RunAsync(stop.Token));

        Assert.False(stop.IsCancellationRequested, "the task should fail on its own");
        Assert.Contains("could not be reached", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(DeadLetterTopic.Read(kafka, DeadLetters, expected: 0));
        Assert.False(
            DeadLetterTopic.CommittedToEnd(
                kafka,
                "connect-checked-orders-postgres-sink",
                Topic,
                2,
                TimeSpan.FromSeconds(1)
            ),
            "no offset may move past records that were never written"
        );
    }

    private static EmbeddedKafka StartKafka()
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-dlq-specs"),
            isKey: false
        );
        SpecWorkers.Produce(kafka, Topic, Total, i => values.FromConnectData(Topic, OrderOf(i))!);
        return kafka;
    }

    private static void AssertDeadLettered(
        EmbeddedKafka kafka,
        string databaseMessage,
        string group
    )
    {
        var refused = Enumerable.Range(0, Total).Where(Refused).ToList();
        var deadLettered = DeadLetterTopic.Read(kafka, DeadLetters, refused.Count);
        Assert.Equal(
            refused
                .Select(i => "order-" + i.ToString(CultureInfo.InvariantCulture))
                .Order(StringComparer.Ordinal),
            deadLettered.Select(m => Encoding.UTF8.GetString(m.Key)).Order(StringComparer.Ordinal)
        );
        Assert.All(
            deadLettered,
            m =>
            {
                Assert.Equal("TASK_PUT", DeadLetterTopic.Header(m, DeadLetterQueueHeaders.Stage));
                Assert.Contains(
                    databaseMessage,
                    DeadLetterTopic.Header(m, DeadLetterQueueHeaders.ExceptionMessage),
                    StringComparison.Ordinal
                );
            }
        );
        Assert.True(
            DeadLetterTopic.CommittedToEnd(kafka, group, Topic, 2),
            "the connector's group did not commit past every record"
        );
    }
}
