using KConnector.Configuration;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Redis.Sink;
using KConnector.Connectors.Shapes;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Redis;

/// <summary>
/// The descriptor of the RedisSink connector plugin: its class name and the aliases of Redis Inc.'s
/// redis-kafka-connect, its config keys (the one definition the build's checks, validation,
/// <c>kconnector describe</c> and the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Redis.RedisSink",
    PluginKind.Sink,
    Aliases = ["com.redis.kafka.connect.RedisSinkConnector", "RedisSinkConnector", "RedisSink"],
    Description = "Writes records to Redis (redis-kafka-connect's sink): strings (SET, optional TTL), hashes (HSET from the record's fields) or a stream (XADD); a tombstone deletes the key."
)]
[IncludeConfigKeys(typeof(RedisConnectionKeys))]
[ConfigKey(
    "redis.command",
    ConfigType.String,
    Default = "XADD",
    Importance = ConfigImportance.High,
    AllowedValues = ["SET", "HSET", "XADD"],
    Documentation = "The command each record becomes: SET (the value as a string, a record as JSON), HSET (the record's fields) or XADD (the record's fields as one stream entry)."
)]
[ConfigKey(
    "redis.key",
    ConfigType.String,
    Default = "${topic}",
    Importance = ConfigImportance.High,
    Documentation = "The keyspace: SET and HSET write to <keyspace><separator><record key>; XADD appends to the stream named by it. ${topic} stands for the record's topic."
)]
[ConfigKey(
    "redis.separator",
    ConfigType.String,
    Default = ":",
    Documentation = "Between the keyspace and the record key, and between the fields of a record key."
)]
[ConfigKey(
    "redis.key.ttl.ms",
    ConfigType.Long,
    Default = "0",
    Min = 0,
    Documentation = "Time to live of keys written by SET and HSET, in milliseconds; 0 keeps them forever (our own key)."
)]
public static partial class RedisSink
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Redis.Configuration.RedisSinkOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Redis.Configuration.RedisSinkOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static RedisSinkTask<TKey, TValue> CreateTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TKey>? key,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => RedisSinkTaskFactory.Create(config, key, value, logger);
}
