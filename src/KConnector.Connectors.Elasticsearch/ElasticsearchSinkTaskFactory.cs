using KConnector.Connectors.Shapes;
using KConnector.Json;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// Builds an <see cref="ElasticsearchSinkTask{TKey, TValue}"/> from a whole connector config, as a
/// worker generated from a <c>*.connector.json</c> spec does: one expression, the connector's own
/// keys picked out of the worker's config, the index mapping from the value's generated shape.
/// </summary>
public static class ElasticsearchSinkTaskFactory
{
    /// <summary>Parses the Elasticsearch sink's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="ElasticsearchSinkOptions.Keys"/> are read.</param>
    /// <param name="value">The value's accessor: its shape becomes the index mapping (schema.ignore=false).</param>
    /// <param name="logger">Where retries and index creation are logged.</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static ElasticsearchSinkTask<TKey, TValue> Create<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    )
        where TValue : IJsonRecord<TValue>
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ElasticsearchSinkOptions.Parse(config), value.Shape, logger: logger);
    }
}
