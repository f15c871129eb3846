using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Events;
using KConnector.Kafka;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Flatten and TimestampConverter compiled at build time, through the road a spec takes (generated
/// config and worker): the spec of <see cref="OrderEventsSource"/> (order-events-flat.connector.json)
/// flattens nested customers and addresses with '_' and converts two timestamps in its value
/// converter; the registry holds the flattened schema, and a sink spec reading it writes the
/// transformed records. The compiled chain and the schemaless chain of the same keys give the
/// same record.
/// </summary>
public sealed class CompiledStructurePipelineTests
{
    private const int Events = 12;

    [Fact]
    public async Task NestedSourceToFileSink_FlattenedAndConvertedRecordsAndSchema()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, "order-events");
        var output = bed.PathOf("out.jsonl");
        var source = new OrderEventsFlatWorker(
            OrderEventsFlatConfig.Parse(
                bed.Config(
                    OrderEventsFlatConfig.SpecValues,
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Events);
        var sink = new OrderEventsFlatSinkWorker(
            OrderEventsFlatSinkConfig.Parse(
                bed.Config(
                    OrderEventsFlatSinkConfig.SpecValues,
                    ("file", output),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([sink], () => PipelineBed.LineCount(output) >= Events);

        Assert.Equal(
            Enumerable.Range(0, Events).Select(Expected),
            (await File.ReadAllLinesAsync(output)).Select(Normalized)
        );
        var schema = await bed.RegisteredSchemaAsync("order-events-value");
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
            PipelineBed.FieldsOf(schema)
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

        // SetSchemaMetadata needs a schema (Connect fails it on schemaless records).
        var chain = ChainJson.Schemaless(OrderEventsFlatConfig.SpecValues, "flat,placed,paid");
        var schemaless = chain.Apply(
            new KConnector.Transforms.ConnectRecord<string, JsonNode>
            {
                Topic = "order-events",
                Value = JsonNode.Parse(JsonOf(OrderEventsSource.EventNumber(n))),
            }
        )!;

        Assert.Equal(Normalized(schemaless.Value!.ToJsonString()), Normalized(JsonOf(compiled)));
        Assert.Equal(Expected(n), Normalized(JsonOf(compiled)));
    }

    // Event n flattened: placed in Unix milliseconds (a Timestamp), paid_at written in the Java
    // pattern, the address's fields null when it has none.
    internal static string Expected(int n)
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
}
