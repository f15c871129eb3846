using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Events;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Flatten and TimestampConverter compiled at build time, through the road a spec takes (generated
/// config and worker): the spec of <see cref="OrderEventsSource"/> (order-events-flat.connector.json)
/// flattens nested customers and addresses with '_' and converts two timestamps in its value
/// converter; the registry holds the flattened schema, and a sink spec reading it writes the
/// transformed records. The compiled chain and the schemaless chain of the same keys give the
/// same record.
/// </summary>
public sealed class CompiledStructurePipelineTests : IDisposable
{
    private const int Events = 12;
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-compiled-structure-")
        .FullName;

    [Fact]
    public async Task NestedSourceToFileSink_FlattenedAndConvertedRecordsAndSchema()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("order-events", partitions: 1);
        var output = Path.Combine(_directory, "out.jsonl");
        using var environment = new ConnectorEnvironment();
        var source = new OrderEventsFlatWorker(
            OrderEventsFlatConfig.Parse(
                new Dictionary<string, string?>(OrderEventsFlatConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["value.converter.schema.registry.url"] = registry.Url,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Events);
        var sink = new OrderEventsFlatSinkWorker(
            OrderEventsFlatSinkConfig.Parse(
                new Dictionary<string, string?>(OrderEventsFlatSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["file"] = output,
                    ["value.converter.schema.registry.url"] = registry.Url,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => LineCount(output) >= Events);

        Assert.Equal(
            Enumerable.Range(0, Events).Select(Expected),
            (await File.ReadAllLinesAsync(output)).Select(Normalized)
        );
        using var http = new HttpClient();
        var registered = await http.GetFromJsonAsync<JsonObject>(
            registry.Url + "/subjects/order-events-value/versions/latest"
        );
        var schema = JsonNode.Parse(registered!["schema"]!.GetValue<string>())!;
        Assert.Equal("OrderEventFlat", schema["name"]!.GetValue<string>());
        Assert.Equal(
            [
                "id:\"string\"",
                "placed:{\"type\":\"long\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Timestamp\",\"logicalType\":\"timestamp-millis\"}",
                "paid_at:[\"null\",\"string\"]",
                "customer_name:\"string\"",
                "customer_address_city:[\"null\",\"string\"]",
                "customer_address_zip:[\"null\",\"int\"]",
            ],
            schema["fields"]!
                .AsArray()
                .Select(f => f!["name"]!.GetValue<string>() + ":" + f["type"]!.ToJsonString())
        );
    }

    /// <summary>
    /// The compiled chain and the schemaless (JsonNode) chain of the same spec's keys give the same
    /// record for the same event, field for field. Events with an address only: Kafka Connect's
    /// schemaless Flatten keeps a null struct as one null field ("customer_address"), where with a
    /// schema each of its fields is null, and so do both paths here.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(11)]
    public void CompiledAndSchemalessChains_GiveTheSameRecord(int n)
    {
        var compiled = OrderEventsFlatValueChain.Apply(
            "order-events",
            OrderEventsSource.EventNumber(n)
        );

        var chain = KConnector
            .Worker.ConnectorConfig.Parse(
                OrderEventsFlatConfig
                    .SpecValues.Where(v =>
                        v.Key.StartsWith("transforms.", StringComparison.Ordinal)
                    )
                    .Where(v => !v.Key.StartsWith("transforms.name.", StringComparison.Ordinal))
                    .Append(new("name", "schemaless"))
                    // SetSchemaMetadata needs a schema (Connect fails it on schemaless records).
                    .Append(new("transforms", "flat,placed,paid"))
                    .ToDictionary(v => v.Key, v => v.Value!)
            )
            .Transformations.CreateChain();
        var schemaless = chain.Apply(
            new KConnector.Transforms.ConnectRecord<string, JsonNode>
            {
                Topic = "order-events",
                Value = JsonNode.Parse(Json(OrderEventsSource.EventNumber(n))),
            }
        )!;

        Assert.Equal(Normalized(schemaless.Value!.ToJsonString()), Normalized(Json(compiled)));
        Assert.Equal(Expected(n), Normalized(Json(compiled)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException) { }
    }

    // Event n flattened: placed in Unix milliseconds (a Timestamp), paid_at written in the Java
    // pattern, the address's fields null when it has none.
    private static string Expected(int n)
    {
        var e = OrderEventsSource.EventNumber(n);
        return new JsonObject
        {
            ["id"] = e.Id,
            ["placed"] = OrderEventsSource.First.AddMinutes(37 * n).ToUnixTimeMilliseconds(),
            ["paid_at"] = e.PaidAt is { } paid
                ? DateTimeOffset
                    .FromUnixTimeMilliseconds(paid)
                    .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : null,
            ["customer_name"] = e.Customer.Name,
            ["customer_address_city"] = e.Customer.Address?.City,
            ["customer_address_zip"] = e.Customer.Address?.Zip,
        }.ToJsonString();
    }

    private static string Normalized(string json) => JsonNode.Parse(json)!.ToJsonString();

    private static string Json<T>(T value)
        where T : KConnector.Json.IJsonRecord<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            T.WriteJson(writer, value);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int LineCount(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
