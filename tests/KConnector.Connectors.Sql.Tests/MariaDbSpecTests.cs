using System.Globalization;
using System.Text;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Testing.DeadLetters;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// Specs naming the JDBC connectors with MySQL's and MariaDB's URLs
/// (Specs/checked-orders-mariadb-sink.connector.json, Specs/products-mysql-source.connector.json),
/// compiled into workers and run on the embedded Kafka against the real MariaDB: the sink
/// dead-letters exactly the rows a CHECK constraint refuses, the source copies every row once.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class MariaDbSpecTests(MariaDbServer server)
{
    [Fact]
    public async Task MariaDbSinkSpec_RowsTheCheckConstraintRefuses_AreDeadLettered_TheRestWrittenOnce()
    {
        const string Topic = "checked_orders_maria";
        const string DeadLetters = "checked_orders_maria_dlq";
        const int Total = 60;
        static bool Refused(int i) => i % 10 == 3;
        await server.ExecuteAsync($"DROP TABLE IF EXISTS {Topic}");
        await server.ExecuteAsync(
            $"CREATE TABLE {Topic} (id BIGINT NOT NULL PRIMARY KEY, customer TEXT NOT NULL, amount DOUBLE NOT NULL CHECK (amount >= 0), note TEXT NULL)"
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var values = new AvroConverter<Order>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-dlq-maria"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            Topic,
            Total,
            i => values.FromConnectData(Topic, SinkRecords.Order(i, amount: Refused(i) ? -1 : i))!
        );
        using var environment = new ConnectorEnvironment();
        var sink = new CheckedOrdersMariadbSinkWorker(
            CheckedOrdersMariadbSinkConfig.Parse(
                new Dictionary<string, string?>(CheckedOrdersMariadbSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["connection.url"] = server.MariaDbJdbcUrl,
                    ["connection.user"] = server.User,
                    ["connection.password"] = server.Password,
                }
            ),
            environment
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);

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
                var message = DeadLetterTopic.Header(m, DeadLetterQueueHeaders.ExceptionMessage);
                Assert.Contains("CONSTRAINT", message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(server.Password, message, StringComparison.Ordinal);
            }
        );
        Assert.Equal(
            Enumerable.Range(0, Total).Where(i => !Refused(i)).Select(i => (long)i),
            (await server.QueryAsync($"SELECT id FROM {Topic} ORDER BY id")).Select(r =>
                (long)r[0]!
            )
        );
        Assert.True(
            DeadLetterTopic.CommittedToEnd(kafka, "connect-checked-orders-mariadb-sink", Topic, 2),
            "the connector's group did not commit past every record"
        );
    }

    [Fact]
    public async Task MySqlSourceSpec_CopiesEveryRowOnce_IntoRecordsOfTheSchema()
    {
        const int Total = 120;
        await server.ExecuteAsync("DROP TABLE IF EXISTS products");
        await server.ExecuteAsync(
            "CREATE TABLE products (id BIGINT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL, price DOUBLE NOT NULL, in_stock BOOLEAN NULL, updated_at BIGINT NULL)"
        );
        await server.ExecuteAsync(
            "INSERT INTO products (name, price, in_stock) SELECT CONCAT('product ', seq), seq + 0.25, IF(seq % 2 = 0, 1, NULL) FROM seq_1_to_120"
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-mysql-products", partitions: 1);
        using var environment = new ConnectorEnvironment();
        var source = new ProductsMysqlSourceWorker(
            ProductsMysqlSourceConfig.Parse(
                new Dictionary<string, string?>(ProductsMysqlSourceConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["connection.url"] = server.JdbcUrl,
                    ["connection.user"] = server.User,
                    ["connection.password"] = server.Password,
                }
            ),
            environment
        );

        await SpecWorkers.RunUntilAsync(source, () => source.RecordsProcessed >= Total);

        var values = new AvroConverter<Product>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-specs"),
            isKey: false
        );
        var products = SpecWorkers
            .ReadTopic(kafka, "spec-mysql-products", Total)
            .Select(v => values.ToConnectData("spec-mysql-products", v)!)
            .ToList();
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), products.Select(p => p.Id));
        Assert.All(
            products,
            p =>
            {
                Assert.Equal("product " + p.Id.ToString(CultureInfo.InvariantCulture), p.Name);
                Assert.Equal(p.Id + 0.25, p.Price);
                Assert.Equal(p.Id % 2 == 0 ? true : null, p.InStock);
            }
        );
    }
}
