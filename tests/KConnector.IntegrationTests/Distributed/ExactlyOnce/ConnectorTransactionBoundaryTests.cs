using System.Globalization;
using System.Text;
using KConnector.Converters;
using KConnector.Distributed.ExactlyOnce;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// <c>transaction.boundary=connector</c> (KIP-618's connector-defined boundaries) on the embedded
/// mock cluster: the task commits every third record through its <see cref="TransactionContext"/>
/// (transactions open across polls, cut inside a batch) and aborts one transaction; the offsets topic
/// holds only the committed transactions' offsets, and a restart resumes after the last of them.
/// The mock hands read_committed readers aborted records too (<see cref="MockTransactionsTests"/>),
/// so what the records topic shows of an abort cannot be checked here.
/// </summary>
public sealed class ConnectorTransactionBoundaryTests
{
    private const string Connector = "boundary-source";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly ExactlyOnceSourceSettings ConnectorBoundaries = new()
    {
        WorkerSupport = ExactlyOnceSourceSupport.Enabled,
        GroupId = "connect-cluster",
        Boundary = TransactionBoundary.Connector,
    };

    [Fact]
    public async Task TheTasksCommits_AreItsTransactions_AndAnAbortedOnesOffsetsAreNeverWritten()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("till", partitions: 2);
        kafka.CreateTopic("connect-offsets", partitions: 5);
        // 15 records in polls of 5; commit on every third one, abort the third transaction (6..8).
        var task = new EveryThirdRecord("till", total: 15, pollSize: 5, abortAt: 8);

        await RunUntilAsync(kafka, ConnectorBoundaries, task, commits: 4);

        Assert.NotNull(task.Context?.TransactionContext);
        Assert.Equal([2, 5, 11, 14], OffsetsWritten(kafka));
        var values = TransactionalTopicReader
            .ReadAll(kafka.BootstrapServers, "till", Wait)
            .Select(r => Encoding.UTF8.GetString(r.Message.Value!))
            .ToList();
        Assert.All(
            new[] { 0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14 },
            seq => Assert.Contains("till:" + seq, values)
        );
        await using var reread = await StoreAsync(kafka);
        Assert.Equal(
            "{\"seq\":\"14\"}",
            reread.Get(
                OffsetJson.Key(Connector, new Dictionary<string, string> { ["source"] = "sp-0" })
            )
        );
    }

    [Fact]
    public async Task APollBoundary_GivesTheTaskNoTransactionContext()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("till", partitions: 2);
        kafka.CreateTopic("connect-offsets", partitions: 5);
        var task = new EveryThirdRecord("till", total: 3, pollSize: 3, abortAt: -1);

        await RunUntilAsync(
            kafka,
            ConnectorBoundaries with
            {
                Boundary = TransactionBoundary.Poll,
            },
            task,
            commits: 1
        );

        Assert.NotNull(task.Context);
        Assert.Null(task.Context.TransactionContext);
        Assert.Equal([2], OffsetsWritten(kafka));
    }

    private static async Task<KafkaOffsetBackingStore> StoreAsync(EmbeddedKafka kafka)
    {
        var store = new KafkaOffsetBackingStore("connect-offsets", kafka.BootstrapServers);
        await store.StartAsync(CancellationToken.None);
        return store;
    }

    private static async Task RunUntilAsync(
        EmbeddedKafka kafka,
        ExactlyOnceSourceSettings settings,
        EveryThirdRecord task,
        int commits
    )
    {
        await using var store = await StoreAsync(kafka);
        var runner = new SourceTaskRunner<string, string>(
            new WorkerOptions
            {
                Name = Connector,
                BootstrapServers = kafka.BootstrapServers,
                OffsetStore = store,
                ExactlyOnce = settings,
            },
            task,
            new StringConverter(),
            new StringConverter()
        );
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Commits >= commits,
            Wait,
            "the transactions",
            run
        );
        await stop.CancelAsync();
        await run;
    }

    // Every offset record in the offsets topic, in the order written (one source partition).
    private static List<int> OffsetsWritten(EmbeddedKafka kafka) =>
        [
            .. TransactionalTopicReader
                .ReadAll(kafka.BootstrapServers, "connect-offsets", Wait)
                .Select(r =>
                    int.Parse(
                        OffsetJson.ParseMap(Encoding.UTF8.GetString(r.Message.Value!))["seq"],
                        CultureInfo.InvariantCulture
                    )
                ),
        ];

    // Records till:0..total-1 of source partition sp-0; asks to commit on every third record
    // (or to abort, on abortAt), through its TransactionContext when it has one.
    private sealed class EveryThirdRecord(string topic, int total, int pollSize, int abortAt)
        : ISourceTask<string, string>
    {
        private int _commits;

        public SourceTaskContext? Context { get; private set; }

        public int Polled { get; private set; }

        // How many transactions were committed (the worker calls CommitAsync after each).
        public int Commits => Volatile.Read(ref _commits);

        public void Initialize(SourceTaskContext context) => Context = context;

        public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        )
        {
            var batch = new List<SourceRecord<string, string>>();
            while (batch.Count < pollSize && Polled < total)
            {
                var record = Record(Polled++);
                batch.Add(record);
                if (Polled % 3 == 0)
                {
                    if (Polled - 1 == abortAt)
                    {
                        Context?.TransactionContext?.AbortTransaction(record);
                    }
                    else
                    {
                        Context?.TransactionContext?.CommitTransaction(record);
                    }
                }
            }
            return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, string>>>(batch);
        }

        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _commits);
            return ValueTask.CompletedTask;
        }

        private SourceRecord<string, string> Record(int seq) =>
            new()
            {
                Topic = topic,
                Key = "sp-0",
                Value = "till:" + seq,
                SourcePartition = new Dictionary<string, string> { ["source"] = "sp-0" },
                SourceOffset = new Dictionary<string, string>
                {
                    ["seq"] = seq.ToString(CultureInfo.InvariantCulture),
                },
            };
    }
}
