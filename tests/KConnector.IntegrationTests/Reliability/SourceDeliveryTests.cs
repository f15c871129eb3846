using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Records;
using KConnector.Transforms;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// What the source runner learns from Kafka's acknowledgements: a record Kafka refused is
/// dead-lettered with the bytes that were sent (key and value, converted again: the runner keeps no
/// copy while Kafka has them), or in the dead-letter encoding when converting again fails; every
/// other record arrives once, a null value reaches the topic as a tombstone, and the task is told of
/// each record as it polled it, before any transformation.
/// </summary>
public sealed class SourceDeliveryTests
{
    private const int Records = 100;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RecordsKafkaRefuses_UnderToleranceAll_AreDeadLetteredWithTheirKeyAndValue_TheRestArriveOnce()
    {
        var (cluster, task) = RefusingTheFirstBatch();
        using var kafka = cluster;

        await RunAsync(kafka, task, ErrorTolerance.All);

        var written = TopicReader.ReadAll(kafka.BootstrapServers, "out", Wait);
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, "out-dlq", Wait);
        Assert.NotEmpty(dead);
        // Each record once: in the topic or, refused, in the dead-letter queue with what was sent.
        Assert.Equal(
            Enumerable.Range(0, Records).Select(i => "k" + Number(i)).Order(),
            written.Concat(dead).Select(r => Encoding.UTF8.GetString(r.Message.Key!)).Order()
        );
        Assert.All(
            dead.Concat(written),
            r =>
                Assert.Equal(
                    "value-" + Encoding.UTF8.GetString(r.Message.Key!)[1..],
                    Encoding.UTF8.GetString(r.Message.Value!)
                )
        );
        var headers = dead[0]
            .Message.Headers.ToDictionary(
                h => h.Key,
                h => Encoding.UTF8.GetString(h.GetValueBytes())
            );
        Assert.Equal("KAFKA_PRODUCE", headers["__connect.errors.stage"]);
        // Refused records are handed back to the task without metadata, delivered ones with it.
        Assert.Equal(dead.Count, task.Committed.Count(c => c.Metadata is null));
        Assert.Equal(written.Count, task.Committed.Count(c => c.Metadata is not null));
    }

    [Fact]
    public async Task ARefusedRecord_WhoseValueNoLongerConverts_IsDeadLetteredInTheDeadLetterEncoding()
    {
        var (cluster, task) = RefusingTheFirstBatch();
        using var kafka = cluster;

        await RunAsync(kafka, task, ErrorTolerance.All, new ConvertsOnce());

        var written = TopicReader.ReadAll(kafka.BootstrapServers, "out", Wait);
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, "out-dlq", Wait);
        Assert.NotEmpty(dead);
        Assert.Equal(Records, written.Count + dead.Count);
        // The key converts again (the bytes sent); the value, whose converter now fails, is kept as
        // UTF-8 text and the header says so.
        Assert.All(
            dead,
            r =>
            {
                var key = Encoding.UTF8.GetString(r.Message.Key!);
                Assert.Equal("value-" + key[1..], Encoding.UTF8.GetString(r.Message.Value!));
                Assert.Equal(
                    "utf-8",
                    Encoding.UTF8.GetString(
                        r.Message.Headers.GetLastBytes(DeadLetterQueueHeaders.ValueEncoding)
                    )
                );
                Assert.False(
                    r.Message.Headers.TryGetLastBytes(DeadLetterQueueHeaders.KeyEncoding, out _)
                );
            }
        );
        Assert.Equal(dead.Count, task.Committed.Count(c => c.Metadata is null));
    }

    [Fact]
    public async Task ANullValue_ArrivesAsATombstone_AndTheTaskLearnsItsOffset()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("out", partitions: 1);
        kafka.CreateTopic("out-dlq", partitions: 1);
        var task = new ListSourceTask([Record(0, "value-000"), Record(1, null)]);

        await RunAsync(kafka, task, ErrorTolerance.None);

        var written = TopicReader.ReadAll(kafka.BootstrapServers, "out", Wait);
        Assert.Equal(2, written.Count);
        Assert.Equal("value-000", Encoding.UTF8.GetString(written[0].Message.Value!));
        Assert.Null(written[1].Message.Value);
        Assert.Equal("k001", Encoding.UTF8.GetString(written[1].Message.Key!));
        Assert.Equal([0L, 1L], task.Committed.Select(c => c.Metadata!.Offset).Order().ToArray());
    }

    [Fact]
    public async Task TheTaskLearnsOfEachRecord_AsItPolledIt_NotAsTheTransformationsMadeIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("routed", partitions: 1);
        kafka.CreateTopic("out-dlq", partitions: 1);
        var polled = Enumerable.Range(0, 3).Select(i => Record(i, "value-" + Number(i))).ToList();
        var task = new ListSourceTask(polled);
        var routing = TransformationsConfig
            .Parse(
                new Dictionary<string, string>
                {
                    ["transforms"] = "route",
                    ["transforms.route.type"] = "org.apache.kafka.connect.transforms.RegexRouter",
                    ["transforms.route.regex"] = "out",
                    ["transforms.route.replacement"] = "routed",
                }
            )
            .CreateChain();

        await RunAsync(kafka, task, ErrorTolerance.None, transformations: routing);

        Assert.Equal(3, TopicReader.ReadAll(kafka.BootstrapServers, "routed", Wait).Count);
        // As Kafka Connect's commitRecord(preTransformRecord, metadata): the record the task made
        // (its topic "out"), with where the routed one was written.
        Assert.All(
            task.Committed,
            c =>
            {
                Assert.Contains(polled, p => ReferenceEquals(p, c.Record));
                Assert.Equal("routed", c.Metadata!.Topic);
            }
        );
    }

    // A cluster whose first produce request (the first records' batch) is refused for good, and a
    // task of Records records.
    private static (EmbeddedKafka Kafka, ListSourceTask Task) RefusingTheFirstBatch()
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("out", partitions: 1);
        kafka.CreateTopic("out-dlq", partitions: 1);
        kafka.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.InvalidRecord);
        var task = new ListSourceTask(
            Enumerable.Range(0, Records).Select(i => Record(i, "value-" + Number(i))).ToList()
        );
        return (kafka, task);
    }

    private static async Task RunAsync(
        EmbeddedKafka kafka,
        ListSourceTask task,
        ErrorTolerance tolerance,
        IConverter<string>? valueConverter = null,
        TransformationChain? transformations = null
    )
    {
        var source = new SourceTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "delivery-source",
                BootstrapServers = kafka.BootstrapServers,
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = tolerance,
                    DeadLetterQueueTopicName = "out-dlq",
                    DeadLetterQueueContextHeadersEnable = true,
                },
                Transformations = transformations ?? TransformationChain.Empty,
            },
            task,
            new StringConverter(),
            valueConverter ?? new StringConverter()
        );
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Done && task.Committed.Count == task.Count,
            Wait,
            "every record acknowledged or dead-lettered",
            run
        );
        await stop.CancelAsync();
        await run;
    }

    private static SourceRecord<string, string> Record(int i, string? value) =>
        new()
        {
            Topic = "out",
            Key = "k" + Number(i),
            Value = value,
            SourcePartition = new Dictionary<string, string> { ["source"] = "list" },
            SourceOffset = new Dictionary<string, string> { ["i"] = Number(i) },
        };

    private static string Number(int i) => i.ToString("D3", CultureInfo.InvariantCulture);

    // Converts each value once, as a registry-backed converter whose registry went away after the
    // record was sent would: a second conversion of the same value fails.
    private sealed class ConvertsOnce : IConverter<string>
    {
        private readonly StringConverter _inner = new();
        private readonly HashSet<string> _converted = [];

        public byte[]? FromConnectData(string topic, string? value) =>
            value is null || _converted.Add(value)
                ? _inner.FromConnectData(topic, value)
                : throw new DataException($"'{value}' was converted before.");

        public string? ToConnectData(string topic, byte[]? data) =>
            _inner.ToConnectData(topic, data);
    }
}
