using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.Kafka;
using KConnector.Offsets;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// A worker in a real child process, killed with SIGKILL mid-stream and started again: no record is
/// lost, and the only duplicates are the records written after the last offset commit.
/// </summary>
public sealed class ProcessKillTests : IDisposable
{
    private const int Partitions = 4;
    private const int PerPartition = 3000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-kill-")
        .FullName;

    [Fact]
    public async Task SourceWorkerKilledWithSigkillAndRestarted_NoGapsAndDuplicatesOnlyAfterTheLastCommit()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: Partitions);
        var offsets = Path.Combine(_directory, "offsets.json");
        string[] arguments =
        [
            "source",
            kafka.BootstrapServers,
            offsets,
            "seq",
            Partitions.ToString(CultureInfo.InvariantCulture),
            PerPartition.ToString(CultureInfo.InvariantCulture),
        ];

        using (var first = WorkerProcess.Start(arguments))
        {
            await TopicReader.WaitUntilAsync(
                () => first.HasExited || Written(kafka) >= 2000 && File.Exists(offsets),
                Wait,
                "the first worker to write 2000 records"
            );
            Assert.False(
                first.HasExited,
                "the worker exited early: " + string.Join("\n", first.Output)
            );
            first.KillHard();
        }
        var committedAtKill = await ReadCommittedAsync(offsets);
        var writtenAtKill = Written(kafka);
        Assert.InRange(writtenAtKill, 2000, Partitions * PerPartition - 1);

        using (var second = WorkerProcess.Start(arguments))
        {
            Assert.True(
                await second.WaitForExitAsync(Wait),
                "the restarted worker did not finish: " + string.Join("\n", second.Output)
            );
            Assert.True(
                second.ExitCode == 0 && second.Output.Contains("DONE"),
                "the restarted worker failed: " + string.Join("\n", second.Output)
            );
            var resumed = second
                .Output.Single(l => l.StartsWith("RESUMED ", StringComparison.Ordinal))[8..]
                .Split(',')
                .Select(int.Parse)
                .ToList();
            Assert.Equal(
                Enumerable.Range(0, Partitions).Select(p => committedAtKill[p] + 1),
                resumed
            );
        }

        var values = TopicReader
            .ReadAll(kafka.BootstrapServers, "seq", Wait)
            .Select(r => Encoding.UTF8.GetString(r.Message.Value!))
            .ToList();
        SequenceCheck.NoGaps(values, Partitions, PerPartition);
        foreach (var (partition, seqs) in SequenceCheck.BySourcePartition(values))
        {
            var p = int.Parse(partition[3..], CultureInfo.InvariantCulture);
            var duplicated = seqs.GroupBy(s => s)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key)
                .ToList();
            Assert.All(
                duplicated,
                seq =>
                    Assert.True(
                        seq > committedAtKill[p],
                        $"{partition}:{seq} was committed before the kill yet written twice"
                    )
            );
            Assert.All(seqs.GroupBy(s => s), g => Assert.InRange(g.Count(), 1, 2));
        }
        Assert.Equal(Partitions * PerPartition, values.Distinct().Count());
    }

    [Fact]
    public async Task SinkWorkerKilledWithSigkillAndRestarted_NoGapsAndDuplicatesOnlyAfterTheCommittedOffsets()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("seq", partitions: 4);
        CleanStopRestartTests.Produce(kafka.BootstrapServers, "seq");
        var output = Path.Combine(_directory, "sink.txt");
        string[] arguments = ["sink", kafka.BootstrapServers, "seq", output];
        const int total = 4 * 1000;

        using (var first = WorkerProcess.Start(arguments))
        {
            await TopicReader.WaitUntilAsync(
                () => first.HasExited || Lines(output).Count >= 1000,
                Wait,
                "the first sink worker to write 1000 records"
            );
            Assert.False(
                first.HasExited,
                "the worker exited early: " + string.Join("\n", first.Output)
            );
            first.KillHard();
        }
        var committed = Committed(kafka, "connect-seq-sink");
        Assert.InRange(Lines(output).Count, 1000, total - 1);

        using (var second = WorkerProcess.Start(arguments))
        {
            await TopicReader.WaitUntilAsync(
                () => second.HasExited || Lines(output).Distinct().Count() >= total,
                Wait,
                "the restarted sink worker to write everything"
            );
            Assert.False(
                second.HasExited,
                "the worker exited early: " + string.Join("\n", second.Output)
            );
        }

        var values = Lines(output);
        SequenceCheck.NoGaps(values, 4, 1000);
        // sp-N went to partition N at offset seq (CleanStopRestartTests.Produce): a duplicate must lie
        // at or after the offset the group had committed when the worker was killed.
        foreach (var (partition, seqs) in SequenceCheck.BySourcePartition(values))
        {
            var p = int.Parse(partition[3..], CultureInfo.InvariantCulture);
            foreach (var seq in seqs.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                Assert.True(
                    seq >= committed[p],
                    $"{partition}:{seq} was committed (offset {committed[p]}) before the kill yet written twice"
                );
            }
        }
    }

    private static List<string> Lines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.ReadWrite
        );
        using var reader = new StreamReader(stream);
        // A line still being written (no newline yet) is not counted.
        var text = reader.ReadToEnd();
        return
        [
            .. text[..(text.LastIndexOf('\n') + 1)]
                .Split('\n', StringSplitOptions.RemoveEmptyEntries),
        ];
    }

    private static long[] Committed(EmbeddedKafka kafka, string group)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = group }
        ).Build();
        return consumer
            .Committed(
                Enumerable.Range(0, 4).Select(p => new TopicPartition("seq", p)),
                TimeSpan.FromSeconds(10)
            )
            .Select(o => o.Offset.Value < 0 ? 0 : o.Offset.Value)
            .ToArray();
    }

    private static long Written(EmbeddedKafka kafka)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "watermarks" }
        ).Build();
        return Enumerable
            .Range(0, Partitions)
            .Sum(p =>
                consumer
                    .QueryWatermarkOffsets(new TopicPartition("seq", p), TimeSpan.FromSeconds(10))
                    .High.Value
            );
    }

    private static async Task<int[]> ReadCommittedAsync(string file)
    {
        await using var store = new FileOffsetBackingStore(file);
        await store.StartAsync(default);
        var reader = new OffsetStorageReader(store, "seq-source");
        return Enumerable
            .Range(0, Partitions)
            .Select(p =>
                reader.Offset(new Dictionary<string, string> { ["source"] = $"sp-{p}" }) is { } o
                    ? int.Parse(o["seq"], CultureInfo.InvariantCulture)
                    : -1
            )
            .ToArray();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
