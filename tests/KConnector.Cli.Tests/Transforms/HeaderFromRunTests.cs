using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Kafka;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// <c>kconnector run</c> of a file source spec with a compiled HeaderFrom (move) and a MaskField
/// under TopicNameMatches (docs/transforms.md, "Compiled at build time"): the run-time compilation
/// of the spec writes each quantity as a header through the default SimpleHeaderConverter, the
/// value without it, its order id masked on the matching topic.
/// </summary>
public sealed class HeaderFromRunTests : IDisposable
{
    private const int Records = 4;
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSourceWithACompiledHeaderFrom_WritesTheHeadersAndTheValues()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("cli-headers-orders", partitions: 1);
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, Records);
        var spec = _folder.Write(
            "headers.connector.json",
            $$"""
            {
              "name": "cli-headers",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(input)}},
                "format": "json",
                "topic": "cli-headers-orders",
                "poll.interval.ms": 50,
                "value.schema": "order.avsc",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "transforms": "move,mask",
                "transforms.move.type": "HeaderFrom$Value",
                "transforms.move.fields": "quantity",
                "transforms.move.headers": "qty",
                "transforms.move.operation": "move",
                "transforms.mask.type": "MaskField$Value",
                "transforms.mask.fields": "order_id",
                "transforms.mask.predicate": "cli",
                "predicates": "cli",
                "predicates.cli.type": "TopicNameMatches",
                "predicates.cli.pattern": "cli-.*"
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
            "offset.storage.file.filename=" + _folder.File("run.offsets"),
            "--max-records",
            Records.ToString(CultureInfo.InvariantCulture),
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var messages = TopicContents.Messages(kafka.BootstrapServers, "cli-headers-orders", 1);
        Assert.True(messages.Count == Records, run.ToString());
        foreach (var (message, n) in messages.Select((m, n) => (m, n)))
        {
            Assert.Equal("""{"order_id":""}""", JsonNode.Parse(message.Value)!.ToJsonString());
            var header = Assert.Single(message.Headers);
            Assert.Equal("qty", header.Key);
            Assert.Equal(
                n.ToString(CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString(header.GetValueBytes())
            );
        }
    }

    public void Dispose() => _folder.Dispose();
}
