using System.Globalization;
using KConnector.Converters;
using KConnector.Records;
using KConnector.Tasks;
using KConnector.Worker;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>
/// A source over <c>partitions</c> source partitions ("sp-0", ...), each a sequence 0..perPartition-1,
/// as Kafka's Connect system tests' VerifiableSource. The value is "sp-N:seq", the key "sp-N" (so a
/// source partition stays in one Kafka partition, in order). It resumes from its committed offsets.
/// </summary>
internal sealed class SequenceSourceTask(
    string topic,
    int partitions,
    int perPartition,
    int batchSize
) : ISourceTask<string, string>
{
    private readonly int[] _next = new int[partitions];
    private int _turn;

    public int Committed { get; private set; }

    public bool Exhausted => _next.All(n => n >= perPartition);

    public TimeSpan PollDelay { get; init; }

    public void Initialize(SourceTaskContext context)
    {
        for (var p = 0; p < partitions; p++)
        {
            if (context.OffsetStorageReader.Offset(Partition(p)) is { } offset)
            {
                _next[p] = int.Parse(offset["seq"], CultureInfo.InvariantCulture) + 1;
            }
        }
    }

    public async ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        if (PollDelay > TimeSpan.Zero)
        {
            await Task.Delay(PollDelay, cancellationToken);
        }
        var batch = new List<SourceRecord<string, string>>(batchSize);
        for (var tries = 0; tries < partitions && batch.Count == 0; tries++)
        {
            var p = _turn++ % partitions;
            for (; _next[p] < perPartition && batch.Count < batchSize; _next[p]++)
            {
                var seq = _next[p].ToString(CultureInfo.InvariantCulture);
                batch.Add(
                    new SourceRecord<string, string>
                    {
                        Topic = topic,
                        Key = Name(p),
                        Value = Name(p) + ":" + seq,
                        SourcePartition = Partition(p),
                        SourceOffset = new Dictionary<string, string> { ["seq"] = seq },
                    }
                );
            }
        }
        return batch;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        Committed++;
        return ValueTask.CompletedTask;
    }

    private static string Name(int p) => "sp-" + p.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Partition(int p) => new() { ["source"] = Name(p) };

    /// <summary>
    /// Runs this task under a runner of its own (a restarted worker's: <paramref name="options"/>
    /// with its offset store) until every sequence is written and acknowledged, then stops it;
    /// <paramref name="what"/> names the wait in the failure message.
    /// </summary>
    public async Task RunToTheEndAsync(WorkerOptions options, string what, TimeSpan wait)
    {
        var runner = new SourceTaskRunner<string, string>(
            options,
            this,
            new StringConverter(),
            new StringConverter()
        );
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => Exhausted && runner.RecordsAcknowledged == runner.RecordsPolled,
            wait,
            what,
            run
        );
        await stop.CancelAsync();
        await run;
    }
}
