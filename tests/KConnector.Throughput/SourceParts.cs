using KConnector.Converters;
using KConnector.Throughput.Records;

namespace KConnector.Throughput;

/// <summary>
/// The source pipeline's parts on their own, for the breakdown of what it allocates per record
/// (docs/benchmarks.md): the task's polls alone (<c>--steady task</c>), and the task's polls with
/// the key and value conversion (<c>--steady convert</c>); no Kafka client in either.
/// </summary>
internal static class SourceParts
{
    public static async Task<TimeSpan> Poll(Loops loops, HarnessSettings settings, bool convert)
    {
        var task = new PayloadSourceTask(
            "parts",
            settings.Records,
            settings.Partitions,
            loops.Body
        );
        var keys = new StringConverter();
        var values = loops.NewConverter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long bytes = 0;
        while (!task.Exhausted)
        {
            foreach (var record in await task.PollAsync(CancellationToken.None))
            {
                if (convert)
                {
                    bytes += keys.FromConnectData(record.Topic, record.Key)!.Length;
                    bytes += values.FromConnectData(record.Topic, record.Value)!.Length;
                }
            }
        }
        GC.KeepAlive(bytes);
        return clock.Elapsed;
    }
}
