using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Shapes;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Redis.Sink;

/// <summary>
/// Builds a <see cref="RedisSinkTask{TKey, TValue}"/> from a whole connector config, as a worker
/// generated from a <c>*.connector.json</c> spec does.
/// </summary>
public static class RedisSinkTaskFactory
{
    /// <summary>Parses the Redis sink's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="RedisSinkOptions.Keys"/> are read.</param>
    /// <param name="key">Reads the key (a generated accessor, or a primitive one).</param>
    /// <param name="value">Reads the value's fields (a generated accessor, or a primitive one).</param>
    /// <param name="logger">Where outages are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static RedisSinkTask<TKey, TValue> Create<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TKey>? key,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => new(RedisSinkOptions.Parse(config), key, value, logger);
}
