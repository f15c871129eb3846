using System.Globalization;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Converters;
using KConnector.Kafka;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// Specs/products-sqlite-source.connector.json names the JDBC source: the generated worker copies
/// every row of a SQLite table into the topic once, as records built by the generated accessor.
/// </summary>
public sealed class SqlSourceSpecTests : IDisposable
{
    private readonly SqliteFile _sqlite = new("kconnector-spec-source");

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task SqliteSourceSpec_CopiesEveryRowOnce_IntoRecordsOfTheSchema()
    {
        const int Total = 250;
        using (var connection = new SqliteConnection("Data Source=" + _sqlite.Path))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL, in_stock INTEGER, updated_at INTEGER)";
            command.ExecuteNonQuery();
            for (var i = 1; i <= Total; i++)
            {
                command.CommandText = string.Create(
                    CultureInfo.InvariantCulture,
                    $"INSERT INTO products VALUES ({i}, 'product {i}', {i}.25, {(i % 2 == 0 ? "1" : "NULL")}, NULL)"
                );
                command.ExecuteNonQuery();
            }
        }
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-sqlite-products", partitions: 1);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_SOURCE_FILE", _sqlite.Path);
        try
        {
            using var environment = new ConnectorEnvironment();
            var source = new ProductsSqliteSourceWorker(
                ProductsSqliteSourceConfig.Parse(
                    new Dictionary<string, string?>(ProductsSqliteSourceConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );
            await SpecWorkers.RunUntilAsync(source, () => source.RecordsProcessed >= Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SQLITE_SOURCE_FILE", null);
        }

        var values = new AvroConverter<Product>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-specs"),
            isKey: false
        );
        var products = SpecWorkers
            .ReadTopic(kafka, "spec-sqlite-products", Total)
            .Select(v => values.ToConnectData("spec-sqlite-products", v)!)
            .ToList();
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), products.Select(p => p.Id));
        Assert.All(
            products,
            p =>
            {
                Assert.Equal("product " + p.Id.ToString(CultureInfo.InvariantCulture), p.Name);
                Assert.Equal(p.Id + 0.25, p.Price);
                Assert.Equal(p.Id % 2 == 0 ? true : null, p.InStock);
                Assert.Null(p.UpdatedAt);
            }
        );
    }
}
