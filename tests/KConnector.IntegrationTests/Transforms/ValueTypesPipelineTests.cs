using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Avro;
using KConnector.Connectors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Value types in a compiled chain, through the road a spec takes (generated config and worker):
/// the spec of <see cref="ReadingsSource"/> (readings-valuetypes.connector.json) casts a Timestamp
/// to string and a Date to int32 as Kafka Connect's Cast does, carries a timestamp-micros and uuid
/// fields as the plain long and string Confluent's AvroData reads them as, and hoists the record
/// twice (the structs named ConnectDefault and ConnectDefault2 as AvroData names them). The topic's
/// records and the registered schema are checked, and the schemaless chain of the same keys gives
/// the same record but for the cast Timestamp, which schemaless Connect sees as a number.
/// </summary>
public sealed class ValueTypesPipelineTests
{
    private const int Readings = 8;

    [Fact]
    public async Task ReadingsSource_CompiledChainRecordsAndTheirSchemaInTheTopic()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("readings", partitions: 1);
        using var environment = new ConnectorEnvironment();
        var source = new ReadingsValuetypesWorker(
            ReadingsValuetypesConfig.Parse(
                new Dictionary<string, string?>(ReadingsValuetypesConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["value.converter.schema.registry.url"] = registry.Url,
                }
            ),
            environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Readings);

        var records = TopicReader.ReadAll(kafka.BootstrapServers, "readings", WorkerRuns.Deadline);
        Assert.Equal(Readings, records.Count);
        var sample = ReadingsValuetypesValueChain.Apply(
            "readings",
            ReadingsSource.ReadingNumber(0)
        );
        Assert.Equal(
            Enumerable.Range(0, Readings).Select(Expected),
            records.Select(r =>
                ChainJson.Normalized(
                    ChainJson.JsonOf(KeyChainPipelineTests.DecodeLike(sample, r.Message.Value!))
                )
            )
        );
        using var http = new HttpClient();
        var registered = await http.GetFromJsonAsync<JsonObject>(
            registry.Url + "/subjects/readings-value/versions/latest"
        );
        var schema = JsonNode.Parse(registered!["schema"]!.GetValue<string>())!;
        Assert.Equal("io.confluent.connect.avro.ConnectDefault", FullName(schema));
        var wrapped = schema["fields"]![0]!;
        Assert.Equal("wrapped", wrapped["name"]!.GetValue<string>());
        Assert.Equal(
            "io.confluent.connect.avro.ConnectDefault2",
            FullName(wrapped["type"]!, "io.confluent.connect.avro")
        );
        var reading = wrapped["type"]!["fields"]![0]!["type"]!;
        Assert.Equal(
            [
                "id:\"string\"",
                "taken:\"string\"",
                "day:\"int\"",
                "taken_us:\"long\"",
                "ref:\"string\"",
                "parent:[\"null\",\"string\"]",
            ],
            reading["fields"]!
                .AsArray()
                .Select(f => f!["name"]!.GetValue<string>() + ":" + f["type"]!.ToJsonString())
        );
    }

    /// <summary>
    /// The schemaless (JsonNode) chain of the spec's keys gives the same record, field for field,
    /// but for <c>taken</c>: schemaless, Kafka Connect's Cast sees the Timestamp's JSON number
    /// (epoch milliseconds) and writes its digits; with a schema it writes the ISO text.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void CompiledAndSchemalessChains_GiveTheSameRecordButForTheCastTimestamp(int n)
    {
        var compiled = ReadingsValuetypesValueChain.Apply(
            "readings",
            ReadingsSource.ReadingNumber(n)
        );

        var chain = KConnector
            .Worker.ConnectorConfig.Parse(
                ReadingsValuetypesConfig
                    .SpecValues.Where(v => v.Key.StartsWith("transforms", StringComparison.Ordinal))
                    .Append(new("name", "schemaless"))
                    .ToDictionary(v => v.Key, v => v.Value!)
            )
            .Transformations.CreateChain();
        var schemaless = chain.Apply(
            new KConnector.Transforms.ConnectRecord<string, JsonNode>
            {
                Topic = "readings",
                Value = JsonNode.Parse(ChainJson.JsonOf(ReadingsSource.ReadingNumber(n))),
            }
        )!;

        Assert.Equal(Expected(n), ChainJson.Normalized(ChainJson.JsonOf(compiled)));
        var expected = JsonNode.Parse(Expected(n))!;
        expected["wrapped"]!["reading"]!["taken"] = ReadingsSource
            .TakenAt(n)
            .ToUnixTimeMilliseconds()
            .ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            expected.ToJsonString(),
            ChainJson.Normalized(schemaless.Value!.ToJsonString())
        );
    }

    // Reading n after the chain: taken as Connect's Cast writes a Timestamp, day in epoch days,
    // taken_us in epoch microseconds, the uuids' lowercase text, all hoisted twice.
    private static string Expected(int n)
    {
        var taken = ReadingsSource.TakenAt(n);
        return new JsonObject
        {
            ["wrapped"] = new JsonObject
            {
                ["reading"] = new JsonObject
                {
                    ["id"] = "r-" + n.ToString(CultureInfo.InvariantCulture),
                    ["taken"] = taken.UtcDateTime.ToString(
                        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                        CultureInfo.InvariantCulture
                    ),
                    ["day"] =
                        DateOnly.FromDateTime(taken.UtcDateTime).DayNumber
                        - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber,
                    ["taken_us"] = taken.ToUnixTimeMilliseconds() * 1000 + n,
                    ["ref"] = ReadingsSource.RefOf(n).ToString("D"),
                    ["parent"] = n == 0 ? null : ReadingsSource.RefOf(n - 1).ToString("D"),
                },
            },
        }.ToJsonString();
    }

    // A nested record without a namespace has its enclosing record's (Avro's rule).
    private static string FullName(JsonNode record, string? enclosing = null) =>
        (record["namespace"]?.GetValue<string>() ?? enclosing)
        + "."
        + record["name"]!.GetValue<string>();
}
