using KConnector.Connectors.Http.Configuration;
using KConnector.Json;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Http.Sink;

/// <summary>
/// Builds an <see cref="HttpSinkTask{TKey, TValue}"/> from a whole connector config, as a worker
/// generated from a <c>*.connector.json</c> spec does: one expression, the connector's own keys
/// picked out of the worker's config.
/// </summary>
public static class HttpSinkTaskFactory
{
    /// <summary>Parses the HTTP sink's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="HttpSinkOptions.Keys"/> are read.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static HttpSinkTask<TKey, TValue> Create<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        ILogger? logger
    )
        where TValue : IJsonRecord<TValue> => new(HttpSinkOptions.Parse(config), logger: logger);
}
