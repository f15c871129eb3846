using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Shapes;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Http.Source;

/// <summary>
/// Builds an <see cref="HttpSourceTask{TValue}"/> from a whole connector config, as a worker
/// generated from a <c>*.connector.json</c> spec does: one expression, the connector's own keys
/// picked out of the worker's config. Offsets come from the worker (<c>Initialize</c>).
/// </summary>
public static class HttpSourceTaskFactory
{
    /// <summary>Parses the HTTP source's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="HttpSourceOptions.Keys"/> are read.</param>
    /// <param name="value">Builds records from the API's JSON objects (a generated accessor).</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static HttpSourceTask<TValue> Create<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => new(HttpSourceOptions.Parse(config), value, logger: logger);
}
