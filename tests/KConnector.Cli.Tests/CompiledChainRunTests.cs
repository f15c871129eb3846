using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run</c> of a file source spec whose field-level transformations (InsertField,
/// ReplaceField, Cast) the build compiles into the value converter, after RegexRouter: the routed
/// topic holds the transformed records (docs/transforms.md, "Compiled at build time").
/// </summary>
public sealed class CompiledChainRunTests : IDisposable
{
    private const int Records = 6;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSourceWithACompiledChain_WritesTheTransformedRecordsToTheRoutedTopic()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("cli-compiled-orders-routed", partitions: 1);
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, Records);
        var spec = _folder.Write(
            "compiled.connector.json",
            $$"""
            {
              "name": "cli-compiled-chain",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(input)}},
                "format": "json",
                "topic": "cli-compiled-orders",
                "poll.interval.ms": 50,
                "value.schema": "order.avsc",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "transforms": "route,origin,rename,cast",
                "transforms.route.type": "RegexRouter",
                "transforms.route.regex": "(.*)",
                "transforms.route.replacement": "$1-routed",
                "transforms.origin.type": "InsertField$Value",
                "transforms.origin.topic.field": "topic",
                "transforms.origin.static.field": "origin",
                "transforms.origin.static.value": "cli",
                "transforms.rename.type": "ReplaceField$Value",
                "transforms.rename.renames": "quantity:qty",
                "transforms.cast.type": "Cast$Value",
                "transforms.cast.spec": "qty:string"
              }
            }
            """
        );

        var run = await CliRun.InvokeAsync(
            "run",
            spec,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            // Offsets of this run only: the default file (connect.offsets in the working
            // directory) outlives the test, and a later run would resume after these lines.
            "offset.storage.file.filename=" + _folder.File("run.offsets"),
            "--max-records",
            Records.ToString(CultureInfo.InvariantCulture),
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var values = TopicContents.Values(kafka.BootstrapServers, "cli-compiled-orders-routed", 1);
        Assert.True(values.Count == Records, run.ToString());
        Assert.Equal(
            Enumerable
                .Range(0, Records)
                .Select(n =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id":"order-{{n}}","qty":"{{n}}","topic":"cli-compiled-orders-routed","origin":"cli"}"""
                    )
                ),
            values.Select(v => JsonNode.Parse(v)!.ToJsonString())
        );
    }

    /// <summary>
    /// <c>kconnector run</c> of a file sink spec with a compiled chain: the value converter reads
    /// the topic's orders (order.avsc) and the generated InsertField, ReplaceField and Cast give the
    /// task the transformed record, which the file holds.
    /// </summary>
    [Fact]
    public async Task FileSinkWithACompiledChain_WritesTheTransformedRecords()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("cli-compiled-sink-orders", partitions: 1);
        Produce(kafka.BootstrapServers, "cli-compiled-sink-orders", Records);
        var output = _folder.File("out.jsonl");
        var spec = _folder.Write(
            "compiled-sink.connector.json",
            $$"""
            {
              "name": "cli-compiled-sink",
              "config": {
                "connector.class": "FileStreamSink",
                "topics": "cli-compiled-sink-orders",
                "file": {{JsonSerializer.Serialize(output)}},
                "value.schema": "order.avsc",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "transforms": "origin,rename,cast",
                "transforms.origin.type": "InsertField$Value",
                "transforms.origin.topic.field": "topic",
                "transforms.origin.static.field": "origin",
                "transforms.origin.static.value": "cli",
                "transforms.rename.type": "ReplaceField$Value",
                "transforms.rename.renames": "quantity:qty",
                "transforms.cast.type": "Cast$Value",
                "transforms.cast.spec": "qty:string"
              }
            }
            """
        );

        var run = await CliRun.InvokeAsync(
            "run",
            spec,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--max-records",
            Records.ToString(CultureInfo.InvariantCulture),
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            Enumerable
                .Range(0, Records)
                .Select(n =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id":"order-{{n}}","qty":"{{n}}","topic":"cli-compiled-sink-orders","origin":"cli"}"""
                    )
                ),
            File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.ToJsonString())
        );
    }

    private static void Produce(string bootstrapServers, string topic, int records)
    {
        using var producer = new ProducerBuilder<Null, string>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var n = 0; n < records; n++)
        {
            producer.Produce(
                topic,
                new()
                {
                    Value = string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id": "order-{{n}}", "quantity": {{n}}}"""
                    ),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => _folder.Dispose();
}
