using KConnector.Configuration;

namespace KConnector.Connectors.Redis.Configuration;

/// <summary>
/// The Redis stream source's configuration, with the keys of Redis Inc.'s redis-kafka-connect
/// stream source (<c>redis.stream.name</c>, <c>redis.stream.offset</c>,
/// <c>redis.stream.consumer.group</c>, <c>redis.stream.consumer.name</c>, <c>redis.stream.block</c>,
/// <c>redis.batch.size</c>, <c>topic</c>).
/// </summary>
public sealed record RedisStreamSourceOptions
{
    /// <summary>The source's keys, as a Kafka Connect <c>ConfigDef</c>.</summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Redis.RedisStreamSource.Definition;

    /// <summary>Every key the source reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>redis.uri and its companions.</summary>
    public required RedisConnectionSettings Connection { get; init; }

    /// <summary>redis.stream.name.</summary>
    public required string Stream { get; init; }

    /// <summary>redis.stream.offset.</summary>
    public string StartOffset { get; init; } = "0-0";

    /// <summary>redis.stream.consumer.group.</summary>
    public string ConsumerGroup { get; init; } = "kafka-consumer-group";

    /// <summary>redis.stream.consumer.name (may hold <c>${task}</c>).</summary>
    public string ConsumerName { get; init; } = "consumer-${task}";

    /// <summary>redis.stream.block.</summary>
    public TimeSpan Block { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>redis.batch.size.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>topic, with <c>${stream}</c> replaced.</summary>
    public required string Topic { get; init; }

    /// <summary>Parses and validates the source's keys of <paramref name="config"/>; every issue names its key.</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static RedisStreamSourceOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var stream = parsed.Get<string>("redis.stream.name") ?? string.Empty;
        var options = new RedisStreamSourceOptions
        {
            Connection = RedisConnectionSettings.Read(parsed),
            Stream = stream,
            StartOffset = parsed.Get<string>("redis.stream.offset") ?? "0-0",
            ConsumerGroup =
                parsed.Get<string>("redis.stream.consumer.group") ?? "kafka-consumer-group",
            ConsumerName = parsed.Get<string>("redis.stream.consumer.name") ?? "consumer-${task}",
            Block = TimeSpan.FromMilliseconds(parsed.Get<long>("redis.stream.block")),
            BatchSize = parsed.Get<int>("redis.batch.size"),
            Topic = (parsed.Get<string>("topic") ?? "redis-${stream}").Replace(
                "${stream}",
                stream,
                StringComparison.Ordinal
            ),
        };
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"RedisStreamSourceOptions {{ {Connection}, redis.stream.name = {Stream}, redis.stream.consumer.group = {ConsumerGroup}, topic = {Topic} }}";
}
