using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// Runs the raw loops and the pipelines in alternation, round after round, each on a fresh topic:
/// odd rounds run the raw loop first, even rounds the pipeline first, so neither side always gets
/// the warmer cache or the quieter moment of a shared machine.
/// </summary>
internal sealed class Rounds(ClusterProcess cluster, HarnessSettings settings, string scope)
{
    public Dictionary<string, List<Measurement>> Results { get; } =
        new()
        {
            [LoopNames.RawProducer] = [],
            [LoopNames.SourcePipeline] = [],
            [LoopNames.RawConsumer] = [],
            [LoopNames.SinkPipeline] = [],
        };

    public async Task Run(int count)
    {
        var loops = new Loops(cluster.BootstrapServers, settings, "harness");
        for (var round = 1; round <= count; round++)
        {
            var raw = Topic("raw", round);
            var pipeline = Topic("pipeline", round);
            var rawFirst = round % 2 == 1;
            await Pair(
                rawFirst,
                (LoopNames.RawProducer, () => Task.FromResult(loops.RawProducer(raw))),
                (LoopNames.SourcePipeline, () => loops.SourcePipeline(pipeline))
            );
            await Pair(
                rawFirst,
                (LoopNames.RawConsumer, () => Task.FromResult(loops.RawConsumer(raw))),
                (LoopNames.SinkPipeline, () => loops.SinkPipeline(pipeline))
            );
            Console.WriteLine($"round {round} of {count} done");
        }
    }

    private string Topic(string kind, int round)
    {
        var topic = scope + "-" + kind + "-" + round.ToString(CultureInfo.InvariantCulture);
        cluster.CreateTopic(topic, settings.Partitions);
        return topic;
    }

    private async Task Pair(
        bool rawFirst,
        (string Name, Func<Task<TimeSpan>> Loop) raw,
        (string Name, Func<Task<TimeSpan>> Loop) pipeline
    )
    {
        var (first, second) = rawFirst ? (raw, pipeline) : (pipeline, raw);
        Results[first.Name].Add(await Measurement.Of(first.Loop));
        Results[second.Name].Add(await Measurement.Of(second.Loop));
    }
}
