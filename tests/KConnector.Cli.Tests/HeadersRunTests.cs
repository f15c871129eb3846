using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using KConnector.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>header.converter</c> through <c>kconnector run</c>: InsertHeader's literals reach Kafka as
/// Kafka Connect's SimpleHeaderConverter writes them (its default), the ByteArrayConverter refuses
/// a typed header at stage HEADER_CONVERTER, and a name that is no header converter is refused
/// before anything starts, naming the key.
/// </summary>
public sealed class HeadersRunTests : IDisposable
{
    private const string Topic = "cli-headed";
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task FileSource_InsertHeaderLiterals_AreWrittenAsConnectWritesThem()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, 2);
        var connector = Spec(input);

        var run = await CliRun.InvokeAsync(
            "run",
            connector,
            "--set",
            "bootstrap.servers=" + kafka.BootstrapServers,
            "--set",
            "offset.storage.file.filename=" + _folder.File("headed.offsets"),
            "--max-records",
            "2",
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var headers = Headers(kafka.BootstrapServers, 2);
        Assert.All(
            headers,
            h =>
                Assert.Equal(
                    new[] { ("count", "42"), ("flag", "true"), ("attrs", """{"a":1}""") },
                    h
                )
        );
    }

    [Fact]
    public async Task ANameThatIsNoHeaderConverter_ExitsOne_NamingTheKey()
    {
        var input = _folder.File("orders.jsonl");
        StandaloneSpecs.AppendOrders(input, 0, 1);
        var connector = Spec(input);

        var run = await CliRun.InvokeAsync(
            "run",
            connector,
            "--set",
            "header.converter=AvroConverter",
            "--duration",
            "30"
        );

        run.AssertRefusedBeforeRunning(
            "header.converter",
            "org.apache.kafka.connect.storage.SimpleHeaderConverter"
        );
    }

    private string Spec(string input) =>
        _folder.Write(
            "headed.connector.json",
            $$"""
            {
              "name": "cli-headed-source",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(input)}},
                "format": "json",
                "topic": "{{Topic}}",
                "poll.interval.ms": 50,
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "value.schema": "order.avsc",
                "transforms": "count,flag,attrs",
                "transforms.count.type": "InsertHeader",
                "transforms.count.header": "count",
                "transforms.count.value.literal": "42",
                "transforms.flag.type": "InsertHeader",
                "transforms.flag.header": "flag",
                "transforms.flag.value.literal": "true",
                "transforms.attrs.type": "InsertHeader",
                "transforms.attrs.header": "attrs",
                "transforms.attrs.value.literal": "{\"a\":1}"
              }
            }
            """
        );

    // Each record's headers as (name, UTF-8 text), in topic order.
    private static List<(string, string)[]> Headers(string bootstrapServers, int count)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "headers-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
            }
        ).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var records = new List<(string, string)[]>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (records.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } r)
            {
                records.Add([
                    .. r.Message.Headers.Select(h =>
                        (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))
                    ),
                ]);
            }
        }
        Assert.Equal(count, records.Count);
        return records;
    }

    public void Dispose() => _folder.Dispose();
}
