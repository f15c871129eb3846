using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using KConnector.Offsets;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// A distributed worker process with <c>exactly.once.source.support=enabled</c>, SIGKILLed while its
/// source tasks write transactions; a new worker takes the tasks over. On a broker the killed
/// instances' open transactions are aborted and a read_committed consumer sees each record once;
/// the mock shows aborted records too (<see cref="MockTransactionsTests"/>), so this test shows what
/// it can: the tasks resume right after an offset their transactions wrote, re-send only what
/// followed it, and leave no gap.
/// </summary>
public sealed class ExactlyOnceWorkerTests(ITestOutputHelper output)
{
    private const int SourcePartitions = 4;
    private const int PerPartition = 1500;
    private const string Prefix = "eos";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AWorkerSigkilledMidTransaction_ItsTasksResumeAfterTheirLastWrittenOffsets_WithNoGap()
    {
        using var kafka = ConnectTopics.StartCluster(Prefix, 5, ("seq", 3));
        using var cluster = new ExactlyOnceWorkers(kafka, Prefix, "connect-cluster", output);
        var first = cluster.Start();
        await WaitForIdAsync(first);
        await using (var configs = await kafka.StartConfigStoreAsync(Prefix))
        {
            await configs.PutConnectorConfigAsync(
                "seq-source",
                SourceConfig(),
                CancellationToken.None
            );
        }
        using var watermarks = new ConsumerBuilder<byte[], byte[]>(
            new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "watermarks" }
        ).Build();
        await TopicReader.WaitUntilAsync(
            () => Written(watermarks) >= 800,
            Wait,
            "800 records from the first worker's tasks:\n" + string.Join("\n", first.Process.Output)
        );

        first.Process.KillHard();
        var clock = Stopwatch.StartNew();
        var writtenOffsets = OffsetsWritten(kafka);
        var second = cluster.Start();
        await WaitForIdAsync(second);
        var values = new List<ConsumeResult<byte[]?, byte[]?>>();
        await TopicReader.WaitUntilAsync(
            () =>
            {
                values = TransactionalTopicReader.ReadAll(kafka.BootstrapServers, "seq", Wait);
                var seen = BySourcePartition(values);
                return seen.Count == SourcePartitions
                    && seen.Values.All(s => s.Max() == PerPartition - 1);
            },
            Wait,
            "the second worker to finish every source partition:\n"
                + string.Join("\n", second.Process.Output)
        );
        output.WriteLine(
            $"SIGKILL -> every sequence written by the second worker after {clock.ElapsedMilliseconds} ms"
        );

        SequenceCheck.NoGaps(
            values.Select(v => Encoding.UTF8.GetString(v.Message.Value!)),
            SourcePartitions,
            PerPartition
        );
        var resent = 0;
        foreach (var (partition, seqs) in BySourcePartition(values))
        {
            resent += CheckResumedAfterAWrittenOffset(partition, seqs, writtenOffsets);
        }
        // Transactions end with markers, which take offsets no record has.
        Assert.Contains(
            values.GroupBy(v => v.Partition.Value),
            p =>
                p.Zip(p.Skip(1)).Any(pair => pair.Second.Offset.Value > pair.First.Offset.Value + 1)
        );
        // A transaction's offsets follow its records, so the last ones can still be on their way.
        var finalOffsets = OffsetsWritten(kafka);
        await TopicReader.WaitUntilAsync(
            () =>
            {
                finalOffsets = OffsetsWritten(kafka);
                return finalOffsets.Count == SourcePartitions
                    && finalOffsets.Values.All(written => written.Max() == PerPartition - 1);
            },
            Wait,
            "every source partition's last offset in the offsets topic:\n"
                + string.Join("\n", second.Process.Output)
        );
        Assert.All(finalOffsets.Values, written => Assert.Equal(PerPartition - 1, written.Max()));
        output.WriteLine(
            $"{values.Count} records for {SourcePartitions * PerPartition} sequence numbers: {resent} re-sent after the last offset written before the kill (records of the open transactions, which a broker aborts; the mock shows them)"
        );
    }

    // A source partition's sequence in Kafka order is 0..k, then r..N-1 where r-1 is an offset
    // written before the kill (r = 0 if none was): the new instance resumed from the offsets topic
    // and re-sent only what followed that offset. Returns how many records came twice.
    private static int CheckResumedAfterAWrittenOffset(
        string partition,
        List<int> seqs,
        Dictionary<string, HashSet<int>> writtenOffsets
    )
    {
        var restart = Enumerable
            .Range(1, seqs.Count - 1)
            .FirstOrDefault(i => seqs[i] <= seqs[i - 1]);
        if (restart == 0)
        {
            Assert.Equal(Enumerable.Range(0, PerPartition), seqs);
            return 0;
        }
        Assert.Equal(Enumerable.Range(0, restart), seqs.Take(restart));
        var resumedAt = seqs[restart];
        Assert.Equal(Enumerable.Range(resumedAt, PerPartition - resumedAt), seqs.Skip(restart));
        Assert.True(
            resumedAt == 0 && !writtenOffsets.ContainsKey(partition)
                || writtenOffsets.GetValueOrDefault(partition)?.Contains(resumedAt - 1) == true,
            $"{partition} resumed at {resumedAt}, not after an offset written before the kill: {string.Join(",", writtenOffsets.GetValueOrDefault(partition) ?? [])}"
        );
        return restart - resumedAt;
    }

    private static Dictionary<string, List<int>> BySourcePartition(
        List<ConsumeResult<byte[]?, byte[]?>> values
    ) =>
        SequenceCheck.BySourcePartition(
            values.Select(v => Encoding.UTF8.GetString(v.Message.Value!))
        );

    // Every offset of each source partition in the offsets topic, with Connect's keys.
    private static Dictionary<string, HashSet<int>> OffsetsWritten(EmbeddedKafka kafka)
    {
        var written = new Dictionary<string, HashSet<int>>();
        foreach (
            var record in TransactionalTopicReader.ReadAll(
                kafka.BootstrapServers,
                Prefix + "-offsets",
                Wait
            )
        )
        {
            var key = OffsetJson.ParseKey(Encoding.UTF8.GetString(record.Message.Key!))!.Value;
            Assert.Equal("seq-source", key.Connector);
            var offset = OffsetJson.ParseMap(Encoding.UTF8.GetString(record.Message.Value!));
            var source = key.Partition["source"];
            if (!written.TryGetValue(source, out var set))
            {
                written[source] = set = [];
            }
            set.Add(int.Parse(offset["seq"], CultureInfo.InvariantCulture));
        }
        return written;
    }

    private static long Written(IConsumer<byte[], byte[]> consumer) =>
        Enumerable
            .Range(0, 3)
            .Sum(p =>
                consumer
                    .QueryWatermarkOffsets(new TopicPartition("seq", p), TimeSpan.FromSeconds(10))
                    .High.Value
            );

    private static async Task WaitForIdAsync(DistributedProcess worker) =>
        await TopicReader.WaitUntilAsync(
            () => worker.Id.Length > 0 || worker.Process.HasExited,
            Wait,
            "the worker to start"
        );

    private static Dictionary<string, string> SourceConfig() =>
        new()
        {
            ["name"] = "seq-source",
            ["connector.class"] = "CountingSource",
            ["tasks.max"] = "2",
            // A transaction a second long: the kill lands inside one.
            ["transaction.boundary"] = "interval",
            ["transaction.boundary.interval.ms"] = "1000",
            ["topic"] = "seq",
            ["source.partitions"] = SourcePartitions.ToString(CultureInfo.InvariantCulture),
            ["per.partition"] = PerPartition.ToString(CultureInfo.InvariantCulture),
        };
}
