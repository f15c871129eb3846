using Confluent.Kafka;

namespace KConnector.Worker;

/// <summary>
/// A sink task's consumer settings: the worker's defaults (docs/worker.md), then the connector's
/// client settings (<c>consumer.*</c>, <c>consumer.override.*</c>) over them, so a user's value always
/// wins (Confluent.Kafka's typed setters remove a key set to null, so defaults are not set that way).
/// </summary>
internal static class SinkConsumerSettings
{
    /// <summary>
    /// The worker's consumer defaults. <c>auto.offset.reset</c> is Kafka Connect's (a new group reads
    /// from the start). <c>fetch.queue.backoff.ms</c>: once the prefetch queue is full librdkafka
    /// stops fetching a partition for this long (1 s by its default), so a consumer that drained its
    /// queue in a fraction of a second then sat idle for the rest of it: every sink (and the raw
    /// consumer beside it in the harness) read in whole-second steps, at a third of its rate. Java's
    /// consumer fetches as soon as a partition's buffer is drained, so 10 ms is closer to Kafka
    /// Connect (a task whose queue stays full pays under 1 % of a core for the re-checks).
    /// <c>queued.max.messages.kbytes</c>: librdkafka prefetches up to 64 MiB per consumer and each
    /// queued record costs it a message and an op besides its bytes; a worker with many tasks
    /// should not. With the short backoff 4 MiB reads as fast as 16 MiB, and a 23-partition sink
    /// worker peaks at 95-99 MB against 121-125 MB (docs/benchmarks.md, session 11). Not bounded:
    /// <c>queued.min.messages</c>: at 1,000 the sink's memory fell by 50 MB, but raw consumer and
    /// sink alike read ten times slower.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } =
        new Dictionary<string, string>
        {
            ["auto.offset.reset"] = "earliest",
            ["fetch.queue.backoff.ms"] = "10",
            ["queued.max.messages.kbytes"] = "4096",
        };

    /// <summary>The defaults with <paramref name="clientConfig"/> over them.</summary>
    public static Dictionary<string, string> For(IReadOnlyDictionary<string, string> clientConfig)
    {
        var settings = new Dictionary<string, string>(Defaults);
        foreach (var (key, value) in clientConfig)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>
    /// The consumer a sink task runs: the settings above, in the connector's group, offsets
    /// committed by the runner alone (only for records put and flushed).
    /// </summary>
    public static ConsumerConfig Config(WorkerOptions options) =>
        new(For(options.ClientConfig))
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
        };
}
