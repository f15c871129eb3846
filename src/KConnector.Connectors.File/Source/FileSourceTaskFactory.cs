using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.File.Source;

/// <summary>
/// Builds a <see cref="FileSourceTask{TValue}"/> from a whole connector config, as a worker generated
/// from a <c>*.connector.json</c> spec does: one expression, the connector's own keys picked out of
/// the worker's config. Offsets come from the worker (<see cref="FileSourceTask{TValue}.Initialize"/>).
/// </summary>
public static class FileSourceTaskFactory
{
    /// <summary>Parses the file source's keys of <paramref name="config"/> and creates the task.</summary>
    /// <param name="config">The worker's config (common keys too); only <see cref="FileSourceOptions.Keys"/> are read.</param>
    /// <param name="value">Builds records from a line's fields (a generated accessor).</param>
    /// <exception cref="KConnector.Configuration.ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static FileSourceTask<TValue> Create<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value
    ) => new(FileSourceOptions.Parse(config), value);
}
