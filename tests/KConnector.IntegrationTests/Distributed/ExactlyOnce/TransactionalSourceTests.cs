using System.Text;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// Exactly-once sources (KIP-618) on the embedded mock cluster: a task's records and its source
/// offsets in one transaction per poll, a restart resuming from them, a failed batch aborted with
/// its offsets. What the mock cannot show (<see cref="MockTransactionsTests"/>: it hands
/// read_committed consumers aborted records and fences no zombie) is said in docs/distributed.md.
/// </summary>
public sealed class TransactionalSourceTests
{
    private const int Partitions = 2;
    private const int PerPartition = 400;
    private const string Connector = "seq-source";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly ExactlyOnceSourceSettings Enabled = new()
    {
        WorkerSupport = ExactlyOnceSourceSupport.Enabled,
        GroupId = "connect-cluster",
    };

    [Fact]
    public async Task EachBatch_IsCommittedWithItsOffsets_AndARestartResumesFromThem()
    {
        using var kafka = StartCluster();
        var first = new SequenceSourceTask("seq", Partitions, PerPartition, batchSize: 10)
        {
            PollDelay = TimeSpan.FromMilliseconds(5),
        };
        await RunUntilAsync(kafka, first, r => r.RecordsAcknowledged >= 300);
        Assert.False(first.Exhausted);

        // Every committed offset names a record that is in the topic, and the last one per source
        // partition is the last record written for it: records and offsets agree.
        var records = Values(kafka, "seq");
        var offsets = LastOffsets(kafka);
        Assert.Equal(["sp-0", "sp-1"], offsets.Keys.Order());
        foreach (var (partition, seqs) in SequenceCheck.BySourcePartition(records))
        {
            Assert.Equal(seqs.Max(), offsets[partition]);
        }
        Assert.True(first.Committed > 1, "one transaction per poll: several commits");

        var second = new SequenceSourceTask("seq", Partitions, PerPartition, batchSize: 50);
        await RunUntilAsync(kafka, second, _ => second.Exhausted);
        SequenceCheck.ExactlyOnce(Values(kafka, "seq"), Partitions, PerPartition);
        Assert.All(LastOffsets(kafka).Values, last => Assert.Equal(PerPartition - 1, last));
    }

    [Fact]
    public async Task ABatchThatFails_IsAborted_AndItsOffsetsAreNeverWritten()
    {
        using var kafka = StartCluster();
        var task = new FailingSecondBatch("seq");
        await using var store = await StoreAsync(kafka);
        var runner = Runner(
            kafka,
            task,
            store,
            new Dictionary<string, string> { ["message.max.bytes"] = "10000" }
        );

        await Assert.ThrowsAnyAsync<Exception>(() =>
            runner.RunAsync(CancellationToken.None).WaitAsync(Wait)
        );

        // The first batch's transaction committed its offset; the second one's never reached the topic.
        Assert.Equal(new Dictionary<string, int> { ["sp-0"] = 9 }, LastOffsets(kafka));
        await using var reread = await StoreAsync(kafka);
        Assert.Equal(
            "{\"seq\":\"9\"}",
            reread.Get(
                OffsetJson.Key(Connector, new Dictionary<string, string> { ["source"] = "sp-0" })
            )
        );
    }

    private static EmbeddedKafka StartCluster()
    {
        var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: 4);
        kafka.CreateTopic("connect-offsets", partitions: 5);
        return kafka;
    }

    private static async Task<KafkaOffsetBackingStore> StoreAsync(EmbeddedKafka kafka)
    {
        var store = new KafkaOffsetBackingStore("connect-offsets", kafka.BootstrapServers);
        await store.StartAsync(CancellationToken.None);
        return store;
    }

    private static SourceTaskRunner<string, string> Runner(
        EmbeddedKafka kafka,
        ISourceTask<string, string> task,
        IOffsetBackingStore store,
        IReadOnlyDictionary<string, string>? clientConfig = null
    ) =>
        new(
            new WorkerOptions
            {
                Name = Connector,
                BootstrapServers = kafka.BootstrapServers,
                OffsetStore = store,
                ExactlyOnce = Enabled,
                ClientConfig = clientConfig ?? new Dictionary<string, string>(),
            },
            task,
            new StringConverter(),
            new StringConverter()
        );

    private static async Task RunUntilAsync(
        EmbeddedKafka kafka,
        SequenceSourceTask task,
        Func<SourceTaskRunner<string, string>, bool> done
    )
    {
        await using var store = await StoreAsync(kafka);
        var runner = Runner(kafka, task, store);
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => done(runner) && runner.RecordsAcknowledged == runner.RecordsPolled,
            Wait,
            "the records",
            run
        );
        await stop.CancelAsync();
        await run;
    }

    private static List<string> Values(EmbeddedKafka kafka, string topic) =>
        [
            .. TransactionalTopicReader
                .ReadAll(kafka.BootstrapServers, topic, Wait)
                .Select(r => Encoding.UTF8.GetString(r.Message.Value!)),
        ];

    // The last offset of each source partition in the offsets topic, as a new worker reads it.
    private static Dictionary<string, int> LastOffsets(EmbeddedKafka kafka)
    {
        var last = new Dictionary<string, int>();
        foreach (
            var record in TransactionalTopicReader.ReadAll(
                kafka.BootstrapServers,
                "connect-offsets",
                Wait
            )
        )
        {
            var key = OffsetJson.ParseKey(Encoding.UTF8.GetString(record.Message.Key!))!.Value;
            Assert.Equal(Connector, key.Connector);
            var offset = OffsetJson.ParseMap(Encoding.UTF8.GetString(record.Message.Value!));
            last[key.Partition["source"]] = int.Parse(
                offset["seq"],
                System.Globalization.CultureInfo.InvariantCulture
            );
        }
        return last;
    }

    // Ten good records, then a batch Kafka refuses (a value larger than message.max.bytes).
    private sealed class FailingSecondBatch(string topic) : ISourceTask<string, string>
    {
        private int _polls;

        public void Initialize(SourceTaskContext context) { }

        public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        )
        {
            var batch = _polls++ switch
            {
                0 => Enumerable.Range(0, 10).Select(i => Record(i, "sp-0:" + i)).ToList(),
                1 => [Record(10, "sp-0:10"), Record(11, new string('x', 50_000))],
                _ => [],
            };
            return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, string>>>(batch);
        }

        public ValueTask CommitAsync(CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;

        private SourceRecord<string, string> Record(int seq, string value) =>
            new()
            {
                Topic = topic,
                Key = "sp-0",
                Value = value,
                SourcePartition = new Dictionary<string, string> { ["source"] = "sp-0" },
                SourceOffset = new Dictionary<string, string>
                {
                    ["seq"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            };
    }
}
