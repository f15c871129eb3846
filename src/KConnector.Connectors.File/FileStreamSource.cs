using KConnector.Configuration;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.Shapes;
using KConnector.Plugins;
using Eos = KConnector.Distributed.ExactlyOnce;

namespace KConnector.Connectors.File;

/// <summary>
/// The descriptor of the FileStreamSource connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.File.FileStreamSource",
    PluginKind.Source,
    Aliases = [
        "FileStreamSource",
        "FileStreamSourceConnector",
        "org.apache.kafka.connect.file.FileStreamSourceConnector",
    ],
    Description = "Tails a file (or a directory's files) of JSON lines or CSV into records of the value's type (Kafka Connect's FileStreamSource).",
    ValueMustBeRecord = true,
    KeyMayBeRecord = false,
    SingleTask = true
)]
[ConfigKey(
    "file",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Documentation = "One file to tail (FileStreamSource's key). Give this or directory."
)]
[ConfigKey(
    "directory",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Documentation = "A directory whose files matching file.pattern are tailed."
)]
[ConfigKey(
    "file.pattern",
    ConfigType.String,
    Default = "*",
    Documentation = "File name pattern in directory (* and ? wildcards), e.g. *.jsonl."
)]
[ConfigKey(
    "topic",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The topic records are written to."
)]
[ConfigKey(
    "format",
    ConfigType.String,
    Default = "json",
    Importance = ConfigImportance.High,
    AllowedValues = ["json", "csv"],
    Documentation = "json (one JSON object per line) or csv."
)]
[ConfigKey(
    "csv.header",
    ConfigType.Boolean,
    Default = "true",
    Documentation = "The first line of a CSV file names its columns (matched to fields by name); false: columns are fields in schema order."
)]
[ConfigKey(
    "csv.separator",
    ConfigType.String,
    Default = ",",
    Importance = ConfigImportance.Low,
    Documentation = "The CSV field separator (one character)."
)]
[ConfigKey(
    "batch.size",
    ConfigType.Int,
    Default = "2000",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Most records returned by one poll."
)]
[ConfigKey(
    "poll.interval.ms",
    ConfigType.Int,
    Default = "1000",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Pause before looking again when no file has a new complete line."
)]
public static partial class FileStreamSource
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.File.Source.FileSourceOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.File.Source.FileSourceOptions.Parse(config);

    /// <summary>
    /// Its exactly-once support (Kafka Connect's <c>FileStreamSourceConnector.exactlyOnceSupport</c>):
    /// supported when it reads a <c>file</c> or a <c>directory</c>, since every record's offset is
    /// its file's fingerprint and the byte position after its line, so a task resumes exactly where
    /// its last committed transaction ended. Connect's connector is unsupported when it reads stdin,
    /// which cannot be read again; this one has no stdin mode (one of <c>file</c> and
    /// <c>directory</c> is required), so a config naming neither is unsupported as Connect's is.
    /// </summary>
    public static Eos.ExactlyOnceSupport? ExactlyOnceSupport(
        IReadOnlyDictionary<string, string?> config
    ) =>
        !string.IsNullOrWhiteSpace(config.GetValueOrDefault("file"))
        || !string.IsNullOrWhiteSpace(config.GetValueOrDefault("directory"))
            ? Eos.ExactlyOnceSupport.Supported
            : Eos.ExactlyOnceSupport.Unsupported;

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static FileSourceTask<TValue> CreateTask<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value
    ) => FileSourceTaskFactory.Create(config, value);
}
