using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// Runs the raw loops, the hand-written source and sink and the pipelines in turn, round after round, each
/// on a fresh topic: each round starts the order one loop later (the raw loop first in odd rounds,
/// the pipeline first in even ones for a pair), so no loop always gets the warmer cache or the
/// quieter moment of a shared machine.
/// </summary>
internal sealed class Rounds(ClusterProcess cluster, HarnessSettings settings, string scope)
{
    public Dictionary<string, List<Measurement>> Results { get; } =
        new()
        {
            [LoopNames.RawProducer] = [],
            [LoopNames.HandWrittenSource] = [],
            [LoopNames.SourcePipeline] = [],
            [LoopNames.RawConsumer] = [],
            [LoopNames.HandWrittenSink] = [],
            [LoopNames.SinkPipeline] = [],
        };

    public async Task Run(int count)
    {
        var loops = new Loops(cluster.BootstrapServers, settings, "harness");
        var handWritten = new HandWrittenSource(cluster.BootstrapServers, settings, loops);
        var handWrittenSink = new HandWrittenSink(cluster.BootstrapServers, settings);
        for (var round = 1; round <= count; round++)
        {
            var raw = Topic("raw", round);
            var hand = Topic("hand", round);
            var pipeline = Topic("pipeline", round);
            await InTurn(
                round,
                (LoopNames.RawProducer, () => Task.FromResult(loops.RawProducer(raw))),
                (LoopNames.HandWrittenSource, () => Task.FromResult(handWritten.Run(hand))),
                (LoopNames.SourcePipeline, () => loops.SourcePipeline(pipeline))
            );
            await InTurn(
                round,
                (LoopNames.RawConsumer, () => Task.FromResult(loops.RawConsumer(raw))),
                (LoopNames.HandWrittenSink, () => Task.FromResult(handWrittenSink.Run(hand))),
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

    private async Task InTurn(int round, params (string Name, Func<Task<TimeSpan>> Loop)[] loops)
    {
        for (var i = 0; i < loops.Length; i++)
        {
            var (name, loop) = loops[(round - 1 + i) % loops.Length];
            Results[name].Add(await Measurement.Of(loop));
        }
    }
}
