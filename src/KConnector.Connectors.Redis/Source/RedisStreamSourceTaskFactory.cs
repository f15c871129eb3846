using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Shapes;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Redis.Source;

/// <summary>
/// Builds a <see cref="RedisStreamSourceTask{TValue}"/> from a whole connector config, as a worker
/// generated from a <c>*.connector.json</c> spec does.
/// </summary>
public static class RedisStreamSourceTaskFactory
{
    /// <summary>Parses the source's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config; only <see cref="RedisStreamSourceOptions.Keys"/> are read.</param>
    /// <param name="value">Builds the value from an entry's fields (a generated accessor).</param>
    /// <param name="logger">Where outages are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static RedisStreamSourceTask<TValue> Create<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => new(RedisStreamSourceOptions.Parse(config), value, logger);
}
