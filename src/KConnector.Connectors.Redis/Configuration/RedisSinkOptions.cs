using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Redis.Configuration;

/// <summary>
/// The Redis sink's configuration, with the keys of Redis Inc.'s redis-kafka-connect
/// (<c>redis.uri</c>, <c>redis.command</c>, <c>redis.key</c>, <c>redis.separator</c>) and our
/// own <c>redis.key.ttl.ms</c> and <c>redis.timeout.ms</c>.
/// </summary>
[TypedConfigKeys(typeof(global::KConnector.Connectors.Redis.RedisSink))]
public sealed partial record RedisSinkOptions
{
    /// <summary>The Redis sink's keys, as a Kafka Connect <c>ConfigDef</c>.</summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Redis.RedisSink.Definition;

    /// <summary>Every key the Redis sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>redis.uri and its companions.</summary>
    [ConfigKeyProperty(typeof(RedisConnectionKeys))]
    public required RedisConnectionSettings Connection { get; init; }

    /// <summary>redis.command.</summary>
    [ConfigKeyProperty("redis.command")]
    public RedisSinkCommand Command { get; init; }

    /// <summary>redis.key (may hold <c>${topic}</c>).</summary>
    [ConfigKeyProperty("redis.key")]
    public string Keyspace { get; init; }

    /// <summary>redis.separator.</summary>
    [ConfigKeyProperty("redis.separator")]
    public string Separator { get; init; }

    /// <summary>redis.key.ttl.ms; zero is no expiry.</summary>
    [ConfigKeyProperty("redis.key.ttl.ms")]
    public TimeSpan KeyTtl { get; init; }

    /// <summary>
    /// Parses and validates the Redis sink's keys of <paramref name="config"/> (other keys are
    /// ignored); every issue names its key.
    /// </summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static RedisSinkOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var options = new RedisSinkOptions(parsed)
        {
            Connection = RedisConnectionSettings.Read(parsed),
        };
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"RedisSinkOptions {{ {Connection}, redis.command = {Command.ToString().ToUpperInvariant()}, redis.key = {Keyspace} }}";
}
