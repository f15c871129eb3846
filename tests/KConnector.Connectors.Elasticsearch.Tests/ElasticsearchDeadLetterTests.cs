using System.Globalization;
using System.Text;
using KConnector.Connectors.Elasticsearch.Tests.Records;
using KConnector.Connectors.Http.Tests;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Testing.DeadLetters;

namespace KConnector.Connectors.Elasticsearch.Tests;

/// <summary>
/// The Elasticsearch sink's spec worker (Specs/refusing-elasticsearch-sink.connector.json:
/// errors.tolerance=all and a dead-letter queue) against the bulk API stand-in: the documents the
/// bulk API refuses (400 mapper_parsing_exception) are exactly the dead-lettered records, with stage
/// TASK_PUT and Elasticsearch's reason; items answered 503 once are sent again, never dead-lettered;
/// every other document is indexed and the group's offsets move past all records.
/// </summary>
public sealed class ElasticsearchDeadLetterTests
{
    private const string Topic = "spec-refused-products";
    private const string DeadLetters = "spec-refused-products-dlq";
    private const int Total = 80;

    private static bool Refused(string sku) => sku.EndsWith('3');

    [Fact]
    public async Task ElasticsearchSinkSpec_DocumentsTheBulkApiRefuses_AreDeadLettered_TheRestIndexed()
    {
        var api = new BulkApi
        {
            ItemFailure = (_, _, id, attempt) =>
                Refused(id) ? (400, "mapper_parsing_exception")
                : id.EndsWith('5') && attempt == 1 ? (503, "unavailable_shards_exception")
                : null,
        };
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        var values = new AvroConverter<Product>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("es-specs"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            Topic,
            Total,
            i =>
                values.FromConnectData(
                    Topic,
                    new Product
                    {
                        Sku = Sku(i),
                        Title = "t",
                        Price = i,
                        Stock = i,
                    }
                )!,
            i => Encoding.UTF8.GetBytes(Sku(i))
        );
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ELASTICSEARCH_URL", server.Url);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ELASTICSEARCH_PASSWORD", "changeme");
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new RefusingElasticsearchSinkWorker(
                RefusingElasticsearchSinkConfig.Parse(
                    new Dictionary<string, string?>(RefusingElasticsearchSinkConfig.SpecValues)
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

        var skus = Enumerable.Range(0, Total).Select(Sku).ToList();
        var deadLettered = DeadLetterTopic.Read(kafka, DeadLetters, skus.Count(Refused));
        Assert.Equal(
            skus.Where(Refused).Order(StringComparer.Ordinal),
            deadLettered.Select(m => Encoding.UTF8.GetString(m.Key)).Order(StringComparer.Ordinal)
        );
        Assert.All(
            deadLettered,
            m =>
            {
                Assert.Equal("TASK_PUT", DeadLetterTopic.Header(m, DeadLetterQueueHeaders.Stage));
                Assert.Contains(
                    "400 mapper_parsing_exception",
                    DeadLetterTopic.Header(m, DeadLetterQueueHeaders.ExceptionMessage),
                    StringComparison.Ordinal
                );
            }
        );
        Assert.Equal(
            skus.Where(s => !Refused(s)).Select(s => Topic + "/" + s).Order(StringComparer.Ordinal),
            api.Documents.Keys.Order(StringComparer.Ordinal)
        );
        Assert.True(
            DeadLetterTopic.CommittedToEnd(kafka, "connect-refusing-elasticsearch-sink", Topic, 2),
            "the connector's group did not commit past every record"
        );
    }

    private static string Sku(int i) => "sku-" + i.ToString(CultureInfo.InvariantCulture);
}
