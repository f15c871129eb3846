using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// Builds a <see cref="SqlSinkTask{TKey, TValue}"/> from a whole connector config, as a worker
/// generated from a <c>*.connector.json</c> spec does: one expression, the connector's own keys
/// picked out of the worker's config.
/// </summary>
public static class SqlSinkTaskFactory
{
    /// <summary>Parses the SQL sink's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="SqlSinkOptions.Keys"/> are read.</param>
    /// <param name="value">Maps the value to columns (a generated accessor).</param>
    /// <param name="key">Maps the key to columns (a generated accessor, or a <see cref="PrimitiveRecordAccessor{T}"/> for a primitive key).</param>
    /// <param name="logger">Where table creation and evolution are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static SqlSinkTask<TKey, TValue> Create<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        RecordAccessor<TKey>? key,
        ILogger? logger
    ) => new(SqlSinkOptions.Parse(config), value, key, logger);
}
