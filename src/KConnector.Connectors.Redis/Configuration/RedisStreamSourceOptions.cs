using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Redis.Configuration;

/// <summary>
/// The Redis stream source's configuration, with the keys of Redis Inc.'s redis-kafka-connect
/// stream source (<c>redis.stream.name</c>, <c>redis.stream.offset</c>,
/// <c>redis.stream.consumer.group</c>, <c>redis.stream.consumer.name</c>, <c>redis.stream.block</c>,
/// <c>redis.batch.size</c>, <c>topic</c>).
/// </summary>
[TypedConfigKeys(typeof(global::KConnector.Connectors.Redis.RedisStreamSource))]
public sealed partial record RedisStreamSourceOptions
{
    /// <summary>The source's keys, as a Kafka Connect <c>ConfigDef</c>.</summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Redis.RedisStreamSource.Definition;

    /// <summary>Every key the source reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>redis.uri and its companions.</summary>
    [ConfigKeyProperty(typeof(RedisConnectionKeys))]
    public required RedisConnectionSettings Connection { get; init; }

    /// <summary>redis.stream.name.</summary>
    [ConfigKeyProperty("redis.stream.name")]
    public required string Stream { get; init; }

    /// <summary>redis.stream.offset.</summary>
    [ConfigKeyProperty("redis.stream.offset")]
    public string StartOffset { get; init; }

    /// <summary>redis.stream.consumer.group.</summary>
    [ConfigKeyProperty("redis.stream.consumer.group")]
    public string ConsumerGroup { get; init; }

    /// <summary>redis.stream.consumer.name (may hold <c>${task}</c>).</summary>
    [ConfigKeyProperty("redis.stream.consumer.name")]
    public string ConsumerName { get; init; }

    /// <summary>redis.stream.block.</summary>
    [ConfigKeyProperty("redis.stream.block")]
    public TimeSpan Block { get; init; }

    /// <summary>redis.batch.size.</summary>
    [ConfigKeyProperty("redis.batch.size")]
    public int BatchSize { get; init; }

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
        var options = new RedisStreamSourceOptions(parsed)
        {
            Connection = RedisConnectionSettings.Read(parsed),
        };
        options = options with
        {
            Topic = options.Topic.Replace("${stream}", options.Stream, StringComparison.Ordinal),
        };
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"RedisStreamSourceOptions {{ {Connection}, redis.stream.name = {Stream}, redis.stream.consumer.group = {ConsumerGroup}, topic = {Topic} }}";
}
