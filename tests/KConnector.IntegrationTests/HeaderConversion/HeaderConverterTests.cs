using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Transforms;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Worker;

namespace KConnector.IntegrationTests.HeaderConversion;

/// <summary>
/// <c>header.converter</c> on the road a hosted worker takes (ConnectorConfig -> WorkerOptions ->
/// the runners): a source task's typed header values reach Kafka as Kafka Connect's
/// SimpleHeaderConverter writes them (its default), and a sink task reads them back typed; the
/// ByteArrayConverter passes bytes through and refuses a typed value at stage HEADER_CONVERTER.
/// </summary>
public sealed class HeaderConverterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ByDefault_SourceHeadersAreWrittenAsConnectText_AndASinkSeesThemTyped()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("events", partitions: 1);
        var headers = new List<RecordHeader>
        {
            new("count", HeaderValue.FromInteger(HeaderValueType.Int32, 42)),
            new("name", HeaderValue.FromString("pen")),
            new("flag", HeaderValue.FromBoolean(true)),
            new("ratio", HeaderValue.FromDouble(2.5)),
            new("attrs", SimpleHeaderConverter.Parse("""{"a":1,"b":2}""")),
            new("raw", [1, 2]),
            new("none", HeaderValue.Null),
        };
        await RunSourceAsync(kafka, headers, ("transforms.mark.value.literal", "7"));

        var written = Assert
            .Single(TopicReader.ReadAll(kafka.BootstrapServers, "events", Wait))
            .Message.Headers;
        Assert.Equal(
            ["count", "name", "flag", "ratio", "attrs", "raw", "none", "mark"],
            written.Select(h => h.Key)
        );
        Assert.Equal(
            ["42", "pen", "true", "2.5", """{"a":1,"b":2}""", "AQI=", null, "7"],
            written.Select(h => h.GetValueBytes() is { } b ? Encoding.UTF8.GetString(b) : null)
        );

        var put = await RunSinkAsync(kafka, headerConverter: null);
        var seen = put.Headers.ToDictionary(h => h.Name, h => h.Value);
        Assert.Equal(HeaderValue.FromInteger(HeaderValueType.Int8, 42), seen["count"]);
        Assert.Equal(HeaderValue.FromString("pen"), seen["name"]);
        Assert.Equal(HeaderValue.FromBoolean(true), seen["flag"]);
        Assert.Equal(HeaderValue.FromFloat(2.5f), seen["ratio"]);
        Assert.Equal(HeaderValueType.Map, seen["attrs"].Type);
        Assert.Equal(
            new[] { ("a", 1L), ("b", 2L) },
            seen["attrs"].Entries!.Select(e => (e.Key.Text!, e.Value.Integer))
        );
        Assert.Equal(HeaderValueType.Int8, seen["attrs"].ElementType);
        Assert.Equal(HeaderValue.FromString("AQI="), seen["raw"]);
        Assert.Equal(HeaderValue.Null, seen["none"]);
        Assert.Equal(HeaderValue.FromInteger(HeaderValueType.Int8, 7), seen["mark"]);
    }

    [Fact]
    public async Task ByteArrayConverter_PassesHeaderBytesThroughBothWays()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("events", partitions: 1);
        byte[] raw = [0xff, 0x00, 0x7b];
        await RunSourceAsync(
            kafka,
            [new RecordHeader("raw", raw)],
            ("header.converter", "ByteArrayConverter"),
            ("transforms", "")
        );

        var written = Assert
            .Single(TopicReader.ReadAll(kafka.BootstrapServers, "events", Wait))
            .Message.Headers;
        Assert.Equal(raw, Assert.Single(written).GetValueBytes());

        var put = await RunSinkAsync(
            kafka,
            "org.apache.kafka.connect.converters.ByteArrayConverter"
        );
        var header = Assert.Single(put.Headers);
        Assert.Equal(HeaderValueType.Bytes, header.Value.Type);
        Assert.Equal(raw, header.Value.Bytes);
    }

    [Fact]
    public async Task StringConverter_WritesAValuesStringForm_AndReadsEveryHeaderAsAString()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("events", partitions: 1);
        await RunSourceAsync(
            kafka,
            [new RecordHeader("count", HeaderValue.FromInteger(HeaderValueType.Int64, 42))],
            ("header.converter", "org.apache.kafka.connect.storage.StringConverter")
        );

        var put = await RunSinkAsync(kafka, "StringConverter");
        Assert.Equal(
            [HeaderValue.FromString("42"), HeaderValue.FromString("headers")],
            put.Headers.Select(h => h.Value)
        );
    }

    [Fact]
    public async Task ByteArrayConverter_GivenATypedHeader_FailsTheTaskAtHeaderConverter()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("events", partitions: 1);
        var runner = SourceRunner(
            kafka,
            [new RecordHeader("count", HeaderValue.FromInteger(HeaderValueType.Int32, 42))],
            new MemoryOffsetBackingStore(),
            ("header.converter", "ByteArrayConverter"),
            ("transforms", "")
        );

        using var stop = new CancellationTokenSource(Wait);
        var error = await Assert.ThrowsAsync<ConnectException>(() => runner.RunAsync(stop.Token));

        Assert.Equal(Stage.HEADER_CONVERTER, error.Stage);
        Assert.Contains("'count'", error.InnerException!.Message);
        Assert.Empty(TopicReader.ReadAll(kafka.BootstrapServers, "events", Wait));
    }

    private static async Task RunSourceAsync(
        EmbeddedKafka kafka,
        List<RecordHeader> headers,
        params (string Key, string Value)[] settings
    )
    {
        var store = new MemoryOffsetBackingStore();
        var runner = SourceRunner(kafka, headers, store, settings);
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => runner.RecordsAcknowledged >= 1,
            Wait,
            "the record acknowledged",
            run
        );
        await stop.CancelAsync();
        await run;
    }

    private static SourceTaskRunner<string, string> SourceRunner(
        EmbeddedKafka kafka,
        List<RecordHeader> headers,
        MemoryOffsetBackingStore store,
        params (string Key, string Value)[] settings
    )
    {
        var config = new Dictionary<string, string>
        {
            ["name"] = "headers-source",
            ["offset.flush.interval.ms"] = "0",
            ["transforms"] = "mark",
            ["transforms.mark.type"] = "InsertHeader",
            ["transforms.mark.header"] = "mark",
            ["transforms.mark.value.literal"] = "headers",
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }
        var task = new ListSourceTask([
            new SourceRecord<string, string>
            {
                Topic = "events",
                Value = "v",
                Headers = headers,
            },
        ]);
        return new SourceTaskRunner<string, string>(
            ConnectorConfig
                .Parse(config)
                .ToWorkerOptions(0, kafka.BootstrapServers, isSink: false, store),
            task,
            new StringConverter(),
            new StringConverter()
        );
    }

    private static async Task<SinkRecord<string, string>> RunSinkAsync(
        EmbeddedKafka kafka,
        string? headerConverter
    )
    {
        var config = new Dictionary<string, string>
        {
            ["name"] = "headers-sink",
            ["topics"] = "events",
            ["offset.flush.interval.ms"] = "0",
        };
        if (headerConverter is not null)
        {
            config["header.converter"] = headerConverter;
        }
        var task = new RecordingSinkTask();
        var runner = new SinkTaskRunner<string, string>(
            ConnectorConfig.Parse(config).ToWorkerOptions(0, kafka.BootstrapServers, isSink: true),
            task,
            new StringConverter(),
            new StringConverter()
        );
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(() => !task.Records.IsEmpty, Wait, "the record put", run);
        await stop.CancelAsync();
        await run;
        return Assert.Single(task.Records);
    }
}
