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
    /// from the start). librdkafka prefetches up to <c>queued.max.messages.kbytes</c> (64 MiB) per
    /// consumer: a worker with many tasks should not, so the bound is 16 MiB (a 23-partition sink
    /// worker peaked at 109-111 MB, 51-55 MB of it librdkafka's buffers: each queued record also
    /// costs librdkafka a message and an op). 4 MiB gave 84 MB, but its throughput against 16 MiB
    /// was not resolved under load (docs/benchmarks.md): a user chooses it with
    /// <c>consumer.queued.max.messages.kbytes</c>. Not bounded: <c>queued.min.messages</c>: at 1,000
    /// the sink's memory fell by 50 MB, but raw consumer and sink alike read ten times slower.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } =
        new Dictionary<string, string>
        {
            ["auto.offset.reset"] = "earliest",
            ["queued.max.messages.kbytes"] = "16384",
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
}
