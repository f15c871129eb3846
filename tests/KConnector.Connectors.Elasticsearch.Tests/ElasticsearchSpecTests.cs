using System.Globalization;
using System.Text.Json;
using KConnector.Connectors.Elasticsearch.Tests.Records;
using KConnector.Connectors.Http.Tests;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Kafka;

namespace KConnector.Connectors.Elasticsearch.Tests;

/// <summary>
/// A spec naming Confluent's Elasticsearch sink, compiled into a worker with no user code and run
/// on the embedded Kafka cluster against the bulk API stand-in on Kestrel: every record becomes
/// the document of its key, and the index mapping comes from the accessor generated from product.avsc.
/// </summary>
public sealed class ElasticsearchSpecTests
{
    [Fact]
    public async Task ElasticsearchSinkSpec_IndexesEveryRecordByKey_WithTheMappingOfTheSchema()
    {
        const int Total = 150;
        var api = new BulkApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-products", partitions: 2);
        var values = new AvroConverter<Product>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("es-specs"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            "spec-products",
            Total,
            i => values.FromConnectData("spec-products", ProductOf(i))!,
            i => System.Text.Encoding.UTF8.GetBytes(Sku(i))
        );
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ELASTICSEARCH_URL", server.Url);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ELASTICSEARCH_PASSWORD", "changeme");
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new ProductsElasticsearchSinkWorker(
                ProductsElasticsearchSinkConfig.Parse(
                    new Dictionary<string, string?>(ProductsElasticsearchSinkConfig.SpecValues)
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
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ELASTICSEARCH_URL", null);
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ELASTICSEARCH_PASSWORD", null);
        }

        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(i => "spec-products/" + Sku(i))
                .Order(StringComparer.Ordinal),
            api.Documents.Keys.Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            """{"sku":"sku-7","title":"Product 7","price":7.5,"stock":7,"tag":"odd"}""",
            api.Documents["spec-products/sku-7"].ToJsonString()
        );
        var mapping = JsonDocument
            .Parse(api.Mappings["spec-products"])
            .RootElement.GetProperty("mappings")
            .GetProperty("properties");
        Assert.Equal(
            ["price double", "sku text", "stock integer", "tag text", "title text"],
            mapping
                .EnumerateObject()
                .Select(p => p.Name + " " + p.Value.GetProperty("type").GetString())
                .Order(StringComparer.Ordinal)
        );
    }

    private static string Sku(int i) => "sku-" + i.ToString(CultureInfo.InvariantCulture);

    private static Product ProductOf(int i) =>
        new()
        {
            Sku = Sku(i),
            Title = "Product " + i.ToString(CultureInfo.InvariantCulture),
            Price = i + 0.5,
            Stock = i,
            Tag = i % 2 == 0 ? null : "odd",
        };
}
