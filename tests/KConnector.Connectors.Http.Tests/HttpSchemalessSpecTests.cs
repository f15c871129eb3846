using System.Globalization;
using System.Text;
using System.Text.Json;
using KConnector.Connectors.Sql.Tests;
using KConnector.Kafka;

namespace KConnector.Connectors.Http.Tests;

/// <summary>
/// The HTTP sink's spec worker over schemaless JSON (Specs/schemaless-http-sink.connector.json: no
/// value.schema, the JsonConverter with schemas.enable=false, MaskField and InsertField run at run
/// time): every event is posted once, its email masked and its topic inserted, nested data kept.
/// </summary>
public sealed class HttpSchemalessSpecTests
{
    private const string Topic = "spec-schemaless-events";
    private const int Total = 30;

    [Fact]
    public async Task SchemalessHttpSinkSpec_PostsEveryTransformedValueOnce()
    {
        await using var server = await KestrelEndpoint.StartAsync((_, _, _) => Task.CompletedTask);
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        SpecWorkers.Produce(kafka, Topic, Total, i => Encoding.UTF8.GetBytes(Event(i, "a@b.c")));
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SCHEMALESS_URL", server.Url + "/hook");
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new SchemalessHttpSinkWorker(
                SchemalessHttpSinkConfig.Parse(
                    new Dictionary<string, string?>(SchemalessHttpSinkConfig.SpecValues)
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
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_SCHEMALESS_URL", null);
        }

        var sent = server
            .Requests.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray())
            .Select(e => e.GetRawText())
            .Order(StringComparer.Ordinal);
        // MaskField of a string is "", InsertField appends the topic.
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(i => Event(i, "", ",\"topic\":\"" + Topic + "\""))
                .Order(StringComparer.Ordinal),
            sent
        );
    }

    private static string Event(int i, string email, string inserted = "") =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"id":{{i}},"email":"{{email}}","tags":["t{{i}}"],"address":{"zip":{{i}}}{{inserted}}}"""
        );
}
