using System.Text;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// A source's transforms on the embedded cluster, configured by Kafka Connect's keys: records a
/// Filter drops are not produced but their offsets are committed; a record a transform fails on
/// goes to the dead-letter queue at stage TRANSFORMATION under errors.tolerance=all, and fails the
/// task under none; the others arrive transformed.
/// </summary>
public sealed class SourceTransformationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Day = new(2024, 1, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> File = new() { ["file"] = "orders.jsonl" };

    [Fact]
    public async Task FilterDropsAndTransformFailuresAreDeadLettered_OffsetsOfAllAreCommitted()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders-20240102", partitions: 1);
        kafka.CreateTopic("orders-dlq", partitions: 1);
        var task = new ListSourceTask(Records());
        var store = new MemoryOffsetBackingStore();
        var config = ConnectorConfig.Parse(
            Settings(
                ("errors.tolerance", "all"),
                ("errors.deadletterqueue.topic.name", "orders-dlq"),
                ("errors.deadletterqueue.topic.replication.factor", "1"),
                ("errors.deadletterqueue.context.headers.enable", "true")
            )
        );
        var runner = new SourceTaskRunner<string, string>(
            config.ToWorkerOptions(0, kafka.BootstrapServers, isSink: false, store),
            task,
            new StringConverter(),
            new StringConverter()
        );

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Committed.Count == 6,
            Wait,
            "every record committed",
            run
        );
        await stop.CancelAsync();
        await run;

        var delivered = TopicReader.ReadAll(kafka.BootstrapServers, "orders-20240102", Wait);
        Assert.Equal(["line-0", "line-2", "line-5"], delivered.Select(r => Text(r.Message.Value)));
        Assert.All(delivered, r => Assert.Equal("kconnector", Header(r.Message.Headers, "via")));
        var dead = Assert.Single(TopicReader.ReadAll(kafka.BootstrapServers, "orders-dlq", Wait));
        Assert.Equal("line-4", Text(dead.Message.Value));
        Assert.Equal("TRANSFORMATION", Header(dead.Message.Headers, "__connect.errors.stage"));
        Assert.Equal(
            "KConnector.Transforms.TimestampRouter",
            Header(dead.Message.Headers, "__connect.errors.class.name")
        );
        Assert.StartsWith(
            "Timestamp missing on record",
            Header(dead.Message.Headers, "__connect.errors.exception.message"),
            StringComparison.Ordinal
        );
        Assert.Null(dead.Message.Headers.FirstOrDefault(h => h.Key == "via"));
        // Dropped (1, 3) and dead-lettered (4) records are committed with no metadata, in order.
        Assert.Equal(
            [true, false, true, false, false, true],
            task.Committed.OrderBy(c => c.Record.SourceOffset!["line"])
                .Select(c => c.Metadata is not null)
        );
        Assert.Equal("5", new OffsetStorageReader(store, "orders-source").Offset(File)!["line"]);
        Assert.Equal(1, runner.Metrics.TotalRecordsSkipped);
    }

    [Fact]
    public async Task ToleranceNone_TransformFailureFailsTheTaskAtStageTransformation()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders-20240102", partitions: 1);
        var task = new ListSourceTask(Records());
        var store = new MemoryOffsetBackingStore();
        var runner = new SourceTaskRunner<string, string>(
            ConnectorConfig
                .Parse(Settings())
                .ToWorkerOptions(0, kafka.BootstrapServers, isSink: false, store),
            task,
            new StringConverter(),
            new StringConverter()
        );

        using var stop = new CancellationTokenSource(Wait);
        var error = await Assert.ThrowsAsync<KConnector.Errors.ConnectException>(() =>
            runner.RunAsync(stop.Token)
        );

        Assert.Equal(KConnector.Errors.Stage.TRANSFORMATION, error.Stage);
        Assert.IsType<DataException>(error.InnerException);
        // Records before the failing one (0, 2 delivered; 1, 3 dropped) are committed, it is not.
        Assert.Equal("3", new OffsetStorageReader(store, "orders-source").Offset(File)!["line"]);
    }

    // Lines 1 and 3 carry a "skip" header (dropped by Filter); line 4 has no timestamp, which the
    // TimestampRouter cannot route.
    private static List<SourceRecord<string, string>> Records() =>
        Enumerable
            .Range(0, 6)
            .Select(i => new SourceRecord<string, string>
            {
                Topic = "orders",
                Key = "k" + i,
                Value = "line-" + i,
                Timestamp = i == 4 ? null : Day,
                Headers = i is 1 or 3 ? [new RecordHeader("skip", [1])] : [],
                SourcePartition = File,
                SourceOffset = new Dictionary<string, string>
                {
                    ["line"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            })
            .ToList();

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] more) =>
        new[]
        {
            ("name", "orders-source"),
            ("offset.flush.interval.ms", "0"),
            ("transforms", "drop,route,mark"),
            ("transforms.drop.type", "org.apache.kafka.connect.transforms.Filter"),
            ("transforms.drop.predicate", "skipped"),
            ("transforms.route.type", "org.apache.kafka.connect.transforms.TimestampRouter"),
            ("transforms.mark.type", "InsertHeader"),
            ("transforms.mark.header", "via"),
            ("transforms.mark.value.literal", "kconnector"),
            ("predicates", "skipped"),
            (
                "predicates.skipped.type",
                "org.apache.kafka.connect.transforms.predicates.HasHeaderKey"
            ),
            ("predicates.skipped.name", "skip"),
        }
            .Concat(more)
            .ToDictionary(s => s.Item1, s => s.Item2);

    private static string Text(byte[]? bytes) => Encoding.UTF8.GetString(bytes!);

    private static string Header(Confluent.Kafka.Headers headers, string name) =>
        Encoding.UTF8.GetString(headers.Single(h => h.Key == name).GetValueBytes());
}
