using KConnector.Configuration;
using KConnector.Connectors.File.Sink;
using KConnector.Json;
using KConnector.Plugins;

namespace KConnector.Connectors.File;

/// <summary>
/// The descriptor of the JsonLinesFileSink connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.File.JsonLinesFileSink",
    PluginKind.Sink,
    Aliases = [
        "FileStreamSink",
        "FileStreamSinkConnector",
        "org.apache.kafka.connect.file.FileStreamSinkConnector",
        "JsonLinesFileSink",
    ],
    Description = "Writes each record's value as one JSON object per line to a file (Kafka Connect's FileStreamSink), or a primitive value a compiled chain makes as its Java toString(), rolling by size or time; fsyncs before offsets are committed.",
    ValueMustBeRecord = true
)]
[ConfigKey(
    "file",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The file records are appended to (FileStreamSink's key); rolled files sit beside it."
)]
[ConfigKey(
    "file.roll.size.bytes",
    ConfigType.Long,
    Default = "0",
    Min = 0,
    Documentation = "Roll the file once it holds at least this many bytes; 0 never rolls by size."
)]
[ConfigKey(
    "file.roll.interval.ms",
    ConfigType.Long,
    Default = "0",
    Min = 0,
    Documentation = "Roll the file once it has been open this long; 0 never rolls by time."
)]
public static partial class JsonLinesFileSink
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.File.Sink.FileSinkOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.File.Sink.FileSinkOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static JsonLinesFileSinkTask<TKey, TValue> CreateTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config
    )
        where TValue : IJsonRecord<TValue> => new(FileSinkOptions.Parse(config));

    /// <summary>
    /// Creates a task for a Connect primitive value a spec's compiled chain makes (ExtractField$Value
    /// of a primitive field, a whole-value Cast): one line per record, its Java <c>toString()</c>, as
    /// Kafka Connect's FileStreamSinkTask prints it.
    /// </summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static PrimitiveLinesFileSinkTask<TKey, TValue> CreatePrimitiveTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config
    ) => new(FileSinkOptions.Parse(config));
}
