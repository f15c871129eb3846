using System.Globalization;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// A sink's transforms, after the converters and before put: tombstones dropped by Filter with
/// RecordIsTombstone are never put but their offsets are committed; the rest reach the task with
/// the routed topic and the inserted header, at the offsets they were consumed from.
/// </summary>
public sealed class SinkTransformationTests
{
    private const int Total = 20;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TombstonesAreFilteredAndCommitted_OthersArriveRoutedWithTheHeader()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        Produce(kafka.BootstrapServers);
        var task = new RecordingSinkTask();
        var config = ConnectorConfig.Parse(
            new Dictionary<string, string>
            {
                ["name"] = "orders-sink",
                ["topics"] = "orders",
                ["offset.flush.interval.ms"] = "0",
                ["transforms"] = "dropTombstones,archive,day,tag",
                ["transforms.dropTombstones.type"] = "Filter",
                ["transforms.dropTombstones.predicate"] = "isTombstone",
                ["transforms.archive.type"] = "org.apache.kafka.connect.transforms.RegexRouter",
                ["transforms.archive.regex"] = "(.*)",
                ["transforms.archive.replacement"] = "archive-$1",
                ["transforms.day.type"] = "TimestampRouter",
                ["transforms.day.timestamp.format"] = "yyyy.MM.dd",
                ["transforms.tag.type"] = "InsertHeader",
                ["transforms.tag.header"] = "sink",
                ["transforms.tag.value.literal"] = "orders-sink",
                ["predicates"] = "isTombstone",
                ["predicates.isTombstone.type"] = "RecordIsTombstone",
            }
        );
        var runner = new SinkTaskRunner<string, string>(
            config.ToWorkerOptions(0, kafka.BootstrapServers, isSink: true),
            task,
            new StringConverter(),
            new StringConverter()
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

        var put = task.Records.ToList();
        Assert.Equal(
            Enumerable.Range(0, Total).Where(i => i % 4 != 3).Select(i => "v" + i),
            put.Select(r => r.Value)
        );
        Assert.All(put, r => Assert.Equal("archive-orders-2024.01.02", r.Topic));
        Assert.All(
            put,
            r => Assert.Equal("orders-sink", r.Headers.Single(h => h.Name == "sink").Value.Text)
        );
        Assert.Equal(
            Enumerable.Range(0, Total).Where(i => i % 4 != 3).Select(i => (long)i),
            put.Select(r => r.Offset)
        );
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig
            {
                BootstrapServers = kafka.BootstrapServers,
                GroupId = "connect-orders-sink",
            }
        ).Build();
        var committed = consumer
            .Committed([new TopicPartition("orders", 0)], TimeSpan.FromSeconds(10))
            .Single();
        Assert.Equal(Total, committed.Offset.Value);
    }

    // Every fourth record (3, 7, ...) is a tombstone; all are stamped 2024-01-02 UTC.
    private static void Produce(string bootstrapServers)
    {
        using var producer = new ProducerBuilder<string, string?>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        var at = new DateTimeOffset(2024, 1, 2, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < Total; i++)
        {
            producer.Produce(
                "orders",
                new Message<string, string?>
                {
                    Key = "k" + i.ToString(CultureInfo.InvariantCulture),
                    Value = i % 4 == 3 ? null : "v" + i.ToString(CultureInfo.InvariantCulture),
                    Timestamp = new Timestamp(at, TimestampType.CreateTime),
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(10));
    }
}
