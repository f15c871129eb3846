using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Connectors.Redis.Configuration;

/// <summary>
/// The connection keys the Redis sink and source share, with the names of Redis Inc.'s
/// redis-kafka-connect (<c>redis.uri</c>, <c>redis.username</c>, <c>redis.password</c>).
/// Descriptors include them with <c>[IncludeConfigKeys(typeof(RedisConnectionKeys))]</c>: one definition.
/// </summary>
[ConfigKey(
    "redis.uri",
    ConfigType.String,
    Default = "redis://localhost:6379",
    Importance = ConfigImportance.High,
    Documentation = "Redis server URI: redis://[user:password@]host:port[/database], or rediss:// for TLS. A password in it is never logged."
)]
[ConfigKey(
    "redis.username",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Documentation = "User for Redis 6+ ACL authentication (overrides the URI's)."
)]
[ConfigKey(
    "redis.password",
    ConfigType.Password,
    Importance = ConfigImportance.Medium,
    Documentation = "Password for Redis authentication (overrides the URI's); never logged."
)]
[ConfigKey(
    "redis.timeout.ms",
    ConfigType.Int,
    Default = "5000",
    Importance = ConfigImportance.Low,
    Min = 100,
    Documentation = "How long a connect or a command may take before Redis counts as unavailable (our own key)."
)]
internal static class RedisConnectionKeys;
