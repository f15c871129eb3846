using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Sql.Source;

/// <summary>
/// Builds a <see cref="SqlSourceTask{TValue}"/> from a whole connector config, as a worker generated
/// from a <c>*.connector.json</c> spec does: one expression, the connector's own keys picked out of
/// the worker's config. Offsets come from the worker (<see cref="SqlSourceTask{TValue}.Initialize"/>).
/// </summary>
public static class SqlSourceTaskFactory
{
    /// <summary>Parses the SQL source's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="SqlSourceOptions.Keys"/> are read.</param>
    /// <param name="value">Builds records from a row's columns (a generated accessor).</param>
    /// <param name="logger">Where query errors are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static SqlSourceTask<TValue> Create<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => new(SqlSourceOptions.Parse(config), value, logger: logger);
}
