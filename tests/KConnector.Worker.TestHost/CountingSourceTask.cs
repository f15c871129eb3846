using System.Globalization;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Worker.TestHost;

/// <summary>
/// Source partitions "sp-0".."sp-{n-1}", each a sequence 0..perPartition-1 with value "sp-N:seq",
/// resumed from the committed offsets (Kafka Connect's VerifiableSource, in short). Task
/// <c>taskId</c> of <c>tasks</c> takes the source partitions p with p % tasks == taskId.
/// </summary>
internal sealed class CountingSourceTask(
    string topic,
    int partitions,
    int perPartition,
    int batchSize,
    TimeSpan pollDelay,
    int taskId = 0,
    int tasks = 1
) : ISourceTask<string, string>
{
    private readonly int[] _next = new int[partitions];
    private readonly int[] _owned =
    [
        .. Enumerable.Range(0, partitions).Where(p => p % tasks == taskId),
    ];
    private int _turn;

    public bool Exhausted => _owned.All(p => _next[p] >= perPartition);

    public void Initialize(SourceTaskContext context)
    {
        foreach (var p in _owned)
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
        var p = _owned[_turn++ % _owned.Length];
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
