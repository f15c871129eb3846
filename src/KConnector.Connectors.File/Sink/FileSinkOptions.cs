using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.File.Sink;

/// <summary>
/// The JSON-lines file sink's configuration: Kafka Connect's <c>FileStreamSinkConnector</c> key
/// <c>file</c>, plus our own rolling keys.
/// </summary>
public sealed record FileSinkOptions
{
    /// <summary>Every key the file sink reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigKey.Require(
            "file",
            ConfigType.String,
            ConfigImportance.High,
            "The file records are appended to (FileStreamSink's key); rolled files sit beside it."
        ),
        new(
            "file.roll.size.bytes",
            ConfigType.Long,
            "0",
            ConfigImportance.Medium,
            "Roll the file once it holds at least this many bytes; 0 never rolls by size."
        ),
        new(
            "file.roll.interval.ms",
            ConfigType.Long,
            "0",
            ConfigImportance.Medium,
            "Roll the file once it has been open this long; 0 never rolls by time."
        ),
    ];

    /// <summary>file.</summary>
    public required string File { get; init; }

    /// <summary>file.roll.size.bytes.</summary>
    public long RollSizeBytes { get; init; }

    /// <summary>file.roll.interval.ms.</summary>
    public long RollIntervalMs { get; init; }

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static FileSinkOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("file sink", Keys, properties);
        var options = new FileSinkOptions
        {
            File = config.GetRequiredString("file"),
            RollSizeBytes = config.GetLong("file.roll.size.bytes", min: 0),
            RollIntervalMs = config.GetLong("file.roll.interval.ms", min: 0),
        };
        config.ThrowIfInvalid();
        return options;
    }
}
