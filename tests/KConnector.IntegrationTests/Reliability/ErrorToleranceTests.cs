using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// 1,000 records, every other one malformed (raw bytes from a plain producer): errors.tolerance
/// all dead-letters exactly the bad ones with Kafka Connect's headers; none stops at the first.
/// </summary>
public sealed class ErrorToleranceTests
{
    private const int Total = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ToleranceAll_GoodRecordsArriveAndExactlyTheBadOnesAreDeadLetteredWithContextHeaders()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 2);
        kafka.CreateTopic("orders-dlq", partitions: 1);
        var sent = ProduceHalfMalformed(kafka.BootstrapServers, partitions: 2);
        var target = new CollectingSinkTask();
        var sink = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "orders-sink",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["orders"],
                TaskId = 3,
                Errors = new ErrorHandlingOptions
                {
                    Tolerance = ErrorTolerance.All,
                    DeadLetterQueueTopicName = "orders-dlq",
                    DeadLetterQueueTopicReplicationFactor = 1,
                    DeadLetterQueueContextHeadersEnable = true,
                    LogEnable = true,
                },
            },
            target,
            new StringConverter(),
            new StrictSequenceConverter()
        );

        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => sink.RecordsCommitted >= Total,
            Wait,
            "every record committed",
            run
        );
        await stop.CancelAsync();
        await run;

        Assert.Equal(sent.Where(s => s.Good).Select(s => s.Text).Order(), target.Durable.Order());
        var dead = TopicReader.ReadAll(kafka.BootstrapServers, "orders-dlq", Wait);
        var bad = sent.Where(s => !s.Good).ToDictionary(s => (s.Partition, s.Offset));
        Assert.Equal(bad.Count, dead.Count);
        foreach (var record in dead)
        {
            var headers = record.Message.Headers.ToDictionary(
                h => h.Key,
                h => Encoding.UTF8.GetString(h.GetValueBytes())
            );
            var key = (
                int.Parse(headers["__connect.errors.partition"], CultureInfo.InvariantCulture),
                long.Parse(headers["__connect.errors.offset"], CultureInfo.InvariantCulture)
            );
            var original = bad[key];
            Assert.Equal(original.Bytes, record.Message.Value);
            Assert.Equal(Encoding.UTF8.GetBytes(original.Key), record.Message.Key);
            Assert.Equal(
                original.Timestamp.UnixTimestampMs,
                record.Message.Timestamp.UnixTimestampMs
            );
            Assert.Equal(original.Index.ToString(CultureInfo.InvariantCulture), headers["index"]);
            Assert.Equal("orders", headers["__connect.errors.topic"]);
            Assert.Equal("orders-sink", headers["__connect.errors.connector.name"]);
            Assert.Equal("3", headers["__connect.errors.task.id"]);
            Assert.Equal("VALUE_CONVERTER", headers["__connect.errors.stage"]);
            Assert.Equal(
                typeof(StrictSequenceConverter).FullName,
                headers["__connect.errors.class.name"]
            );
            Assert.Equal(
                "System.FormatException",
                headers["__connect.errors.exception.class.name"]
            );
            Assert.StartsWith(
                "Not a sequence value in orders",
                headers["__connect.errors.exception.message"],
                StringComparison.Ordinal
            );
            Assert.Contains(
                "StrictSequenceConverter.ToConnectData",
                headers["__connect.errors.exception.stacktrace"],
                StringComparison.Ordinal
            );
            Assert.Equal(11, headers.Count);
        }
        Assert.Equal(bad.Count, sink.Metrics.DeadLetterQueueProduceRequests);
        Assert.Equal(bad.Count, sink.Metrics.TotalRecordsSkipped);
        Assert.Equal(bad.Count, sink.Metrics.TotalErrorsLogged);
        Assert.Equal(0, sink.Metrics.DeadLetterQueueProduceFailures);
    }

    [Fact]
    public async Task ToleranceNone_TaskFailsAtTheFirstBadRecordAndCommitsNothingAfterIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        var sent = ProduceHalfMalformed(kafka.BootstrapServers, partitions: 1);
        var target = new CollectingSinkTask();
        var sink = new SinkTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = "orders-strict",
                BootstrapServers = kafka.BootstrapServers,
                Topics = ["orders"],
            },
            target,
            new StringConverter(),
            new StrictSequenceConverter()
        );

        using var stop = new CancellationTokenSource(Wait);
        var error = await Assert.ThrowsAsync<ConnectException>(() => sink.RunAsync(stop.Token));

        var firstBad = sent.First(s => !s.Good);
        Assert.Equal(Stage.VALUE_CONVERTER, error.Stage);
        Assert.Equal(
            ("orders", firstBad.Partition, firstBad.Offset),
            (error.Topic, error.Partition, error.Offset)
        );
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains($"orders-0@{firstBad.Offset}", error.Message, StringComparison.Ordinal);
        Assert.Equal(TaskState.FAILED, sink.State);
        Assert.Same(error, sink.Failure);
        Assert.Equal(sent.TakeWhile(s => s.Good).Select(s => s.Text), target.Durable);
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "connect-orders-strict",
            }
        ).Build();
        var committed = consumer
            .Committed([new TopicPartition("orders", 0)], TimeSpan.FromSeconds(10))
            .Single();
        Assert.Equal(firstBad.Offset, committed.Offset.Value);
    }

    internal sealed record Sent(
        int Index,
        int Partition,
        long Offset,
        string Key,
        byte[] Bytes,
        bool Good,
        Timestamp Timestamp
    )
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    private static List<Sent> ProduceHalfMalformed(string bootstrapServers, int partitions)
    {
        using var producer = new ProducerBuilder<string, byte[]>(
            new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true }
        ).Build();
        var deliveries = new List<Task<DeliveryResult<string, byte[]>>>();
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;
        for (var i = 0; i < Total; i++)
        {
            var p = i % partitions;
            var bytes =
                i % 2 == 0
                    ? Encoding.UTF8.GetBytes($"sp-{p}:{i / partitions}")
                    : [0xFF, 0x00, (byte)i, 0x7B];
            deliveries.Add(
                producer.ProduceAsync(
                    new TopicPartition("orders", p),
                    new Message<string, byte[]>
                    {
                        Key = "k" + i.ToString(CultureInfo.InvariantCulture),
                        Value = bytes,
                        Timestamp = new Timestamp(start + i, TimestampType.CreateTime),
                        Headers = new Headers
                        {
                            {
                                "index",
                                Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture))
                            },
                        },
                    }
                )
            );
        }
        Task.WaitAll(deliveries.ToArray(), TimeSpan.FromSeconds(30));
        return deliveries
            .Select(
                (d, i) =>
                    new Sent(
                        i,
                        d.Result.Partition.Value,
                        d.Result.Offset.Value,
                        d.Result.Message.Key,
                        d.Result.Message.Value,
                        i % 2 == 0,
                        new Timestamp(start + i, TimestampType.CreateTime)
                    )
            )
            .ToList();
    }
}
