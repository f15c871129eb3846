using System.Globalization;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Worker.TestHost;

/// <summary>
/// Source partitions "sp-0".."sp-{n-1}", each a sequence 0..perPartition-1 with value "sp-N:seq",
/// resumed from the committed offsets (Kafka Connect's VerifiableSource, in short).
/// </summary>
internal sealed class CountingSourceTask(
    string topic,
    int partitions,
    int perPartition,
    int batchSize,
    TimeSpan pollDelay
) : ISourceTask<string, string>
{
    private readonly int[] _next = new int[partitions];
    private int _turn;

    public bool Exhausted => _next.All(n => n >= perPartition);

    public void Initialize(SourceTaskContext context)
    {
        for (var p = 0; p < partitions; p++)
        {
            if (context.OffsetStorageReader.Offset(Partition(p)) is { } offset)
            {
                _next[p] = int.Parse(offset["seq"], CultureInfo.InvariantCulture) + 1;
            }
        }
        Console.WriteLine("RESUMED " + string.Join(",", _next));
    }

    public async ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        await Task.Delay(pollDelay, cancellationToken).ConfigureAwait(false);
        var batch = new List<SourceRecord<string, string>>(batchSize);
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
        return batch;
    }

    private static string Name(int p) => "sp-" + p.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Partition(int p) => new() { ["source"] = Name(p) };
}
