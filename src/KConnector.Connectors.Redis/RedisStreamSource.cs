using KConnector.Configuration;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Redis.Source;
using KConnector.Connectors.Shapes;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Redis;

/// <summary>
/// The descriptor of the RedisStreamSource connector plugin: its class name and the aliases of
/// Redis Inc.'s redis-kafka-connect stream source, its config keys and how the generated worker
/// creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Redis.RedisStreamSource",
    PluginKind.Source,
    Aliases = [
        "com.redis.kafka.connect.RedisStreamSourceConnector",
        "RedisStreamSourceConnector",
        "RedisStreamSource",
    ],
    Description = "Reads a Redis stream through a consumer group (XREADGROUP) into records of the value's type (redis-kafka-connect's stream source); XACKs an entry once Kafka has it.",
    ValueMustBeRecord = true,
    KeyMayBeRecord = false,
    SingleTask = true
)]
[IncludeConfigKeys(typeof(RedisConnectionKeys))]
[ConfigKey(
    "redis.stream.name",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The stream to read."
)]
[ConfigKey(
    "redis.stream.offset",
    ConfigType.String,
    Default = "0-0",
    Documentation = "Where a new consumer group starts: an entry id (0-0: the whole stream) or $ (only new entries). A committed source offset wins over it."
)]
[ConfigKey(
    "redis.stream.consumer.group",
    ConfigType.String,
    Default = "kafka-consumer-group",
    Documentation = "The consumer group; created (with MKSTREAM) when missing."
)]
[ConfigKey(
    "redis.stream.consumer.name",
    ConfigType.String,
    Default = "consumer-${task}",
    Documentation = "This task's consumer in the group; ${task} stands for the task id. A restarted task takes over the entries its consumer read but did not acknowledge."
)]
[ConfigKey(
    "redis.stream.block",
    ConfigType.Long,
    Default = "100",
    Importance = ConfigImportance.Low,
    Min = 0,
    Documentation = "Milliseconds a poll waits for new entries when the stream has none."
)]
[ConfigKey(
    "redis.batch.size",
    ConfigType.Int,
    Default = "50",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Most entries read by one poll (XREADGROUP COUNT)."
)]
[ConfigKey(
    "topic",
    ConfigType.String,
    Default = "redis-${stream}",
    Importance = ConfigImportance.High,
    Documentation = "The topic records are written to; ${stream} stands for the stream's name."
)]
public static partial class RedisStreamSource
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Redis.Configuration.RedisStreamSourceOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Redis.Configuration.RedisStreamSourceOptions.Parse(
            config
        );

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static RedisStreamSourceTask<TValue> CreateTask<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => RedisStreamSourceTaskFactory.Create(config, value, logger);
}
