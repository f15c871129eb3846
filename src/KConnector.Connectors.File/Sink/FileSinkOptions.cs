using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.File.Sink;

/// <summary>
/// The JSON-lines file sink's configuration: Kafka Connect's <c>FileStreamSinkConnector</c> key
/// <c>file</c>, plus our own rolling keys.
/// </summary>
[TypedConfigKeys(typeof(global::KConnector.Connectors.File.JsonLinesFileSink))]
public sealed partial record FileSinkOptions
{
    /// <summary>
    /// The file sink's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated from
    /// them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.File.JsonLinesFileSink.Definition;

    /// <summary>Every key the file sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>file.roll.size.bytes.</summary>
    [ConfigKeyProperty("file.roll.size.bytes")]
    public long RollSizeBytes { get; init; }

    /// <summary>file.roll.interval.ms.</summary>
    [ConfigKeyProperty("file.roll.interval.ms")]
    public long RollIntervalMs { get; init; }

    /// <summary>
    /// Parses and validates the file sink's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static FileSinkOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var options = new FileSinkOptions(parsed);
        parsed.ThrowIfInvalid();
        return options;
    }
}
