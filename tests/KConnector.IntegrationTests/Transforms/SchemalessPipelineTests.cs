using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Issue 15's pipeline on the embedded cluster, on the schemaless JSON road: a source's records go
/// through InsertField, ReplaceField, Cast and TimestampRouter, are written by the JsonConverter
/// (schemas.enable=false) to the routed topic, and a sink reads them back as JsonNode, where
/// ValueToKey and InsertField (offset.field) apply before put.
/// </summary>
public sealed class SchemalessPipelineTests
{
    private const int Total = 5;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Day = new(2024, 1, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SourceTransformsReachTheTopic_SinkTransformsReachPut()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders-20240102", partitions: 1);

        await RunSourceAsync(kafka);

        var written = TopicReader.ReadAll(kafka.BootstrapServers, "orders-20240102", Wait);
        Assert.Equal(
            string.Join("\n", Enumerable.Range(0, Total).Select(Expected)),
            string.Join("\n", written.Select(r => Encoding.UTF8.GetString(r.Message.Value!)))
        );

        var put = await RunSinkAsync(kafka);

        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => $$"""{"id":"{{i}}"}"""),
            put.Select(r => r.Key!.ToJsonString())
        );
        Assert.Equal(
            Enumerable.Range(0, Total).Select(i => Expected(i)[..^1] + $",\"kafka_offset\":{i}}}"),
            put.Select(r => r.Value!.ToJsonString())
        );
    }

    private static string Expected(int i) =>
        $$"""{"id":"{{i}}","product":"pen-{{i}}","price":{{i}}.5,"ts":1704189600000,"origin":"shop"}""";

    private static async Task RunSourceAsync(EmbeddedKafka kafka)
    {
        var task = new JsonListSourceTask(Records());
        var config = ConnectorConfig.Parse(
            Settings(
                ("name", "orders-source"),
                ("transforms", "insert,replace,cast,route"),
                ("transforms.insert.type", "org.apache.kafka.connect.transforms.InsertField$Value"),
                ("transforms.insert.static.field", "origin"),
                ("transforms.insert.static.value", "shop"),
                ("transforms.insert.timestamp.field", "ts"),
                (
                    "transforms.replace.type",
                    "org.apache.kafka.connect.transforms.ReplaceField$Value"
                ),
                ("transforms.replace.exclude", "secret"),
                ("transforms.replace.renames", "name:product"),
                ("transforms.cast.type", "org.apache.kafka.connect.transforms.Cast$Value"),
                ("transforms.cast.spec", "price:float64,id:string"),
                ("transforms.route.type", "org.apache.kafka.connect.transforms.TimestampRouter")
            )
        );
        var runner = new SourceTaskRunner<JsonNode, JsonNode>(
            config.ToWorkerOptions(
                0,
                kafka.BootstrapServers,
                isSink: false,
                new MemoryOffsetBackingStore()
            ),
            task,
            Json(isKey: true),
            Json(isKey: false)
        );
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Committed == Total,
            Wait,
            "every record committed",
            run
        );
        await stop.CancelAsync();
        await run;
    }

    private static async Task<List<SinkRecord<JsonNode, JsonNode>>> RunSinkAsync(
        EmbeddedKafka kafka
    )
    {
        var task = new JsonRecordingSinkTask();
        var config = ConnectorConfig.Parse(
            Settings(
                ("name", "orders-sink"),
                ("topics", "orders-20240102"),
                ("transforms", "key,offset"),
                ("transforms.key.type", "ValueToKey"),
                ("transforms.key.fields", "id"),
                ("transforms.offset.type", "InsertField$Value"),
                ("transforms.offset.offset.field", "kafka_offset")
            )
        );
        var runner = new SinkTaskRunner<JsonNode, JsonNode>(
            config.ToWorkerOptions(0, kafka.BootstrapServers, isSink: true),
            task,
            Json(isKey: true),
            Json(isKey: false)
        );
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => runner.RecordsCommitted >= Total,
            Wait,
            "every record committed",
            run
        );
        await stop.CancelAsync();
        await run;
        return [.. task.Records];
    }

    private static IConverter<JsonNode> Json(bool isKey) =>
        ConverterFactory.Create(
            ConverterFactory.JsonConverterClass,
            new Dictionary<string, string> { ["schemas.enable"] = "false" },
            isKey,
            ConverterFormats.None<JsonNode>()
        );

    private static List<SourceRecord<JsonNode, JsonNode>> Records() =>
        Enumerable
            .Range(0, Total)
            .Select(i => new SourceRecord<JsonNode, JsonNode>
            {
                Topic = "orders",
                Value = JsonNode.Parse(
                    $$"""{"id":{{i}},"name":"pen-{{i}}","price":"{{i}}.5","secret":"s{{i}}"}"""
                ),
                Timestamp = Day,
                SourcePartition = new Dictionary<string, string> { ["file"] = "orders.jsonl" },
                SourceOffset = new Dictionary<string, string>
                {
                    ["line"] = i.ToString(CultureInfo.InvariantCulture),
                },
            })
            .ToList();

    private static Dictionary<string, string> Settings(
        params (string Key, string Value)[] settings
    ) =>
        settings.Append(("offset.flush.interval.ms", "0")).ToDictionary(s => s.Item1, s => s.Item2);
}
