using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.File.Source;

/// <summary>
/// The file source's configuration: Kafka Connect's <c>FileStreamSourceConnector</c> keys
/// (<c>file</c>, <c>topic</c>, <c>batch.size</c>) plus our own for a directory of files and their
/// format.
/// </summary>
public sealed record FileSourceOptions
{
    /// <summary>Every key the file source reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        new(
            "file",
            ConfigType.String,
            "",
            ConfigImportance.High,
            "One file to tail (FileStreamSource's key). Give this or directory."
        ),
        new(
            "directory",
            ConfigType.String,
            "",
            ConfigImportance.High,
            "A directory whose files matching file.pattern are tailed."
        ),
        new(
            "file.pattern",
            ConfigType.String,
            "*",
            ConfigImportance.Medium,
            "File name pattern in directory (* and ? wildcards), e.g. *.jsonl."
        ),
        ConfigKey.Require(
            "topic",
            ConfigType.String,
            ConfigImportance.High,
            "The topic records are written to."
        ),
        new(
            "format",
            ConfigType.String,
            "json",
            ConfigImportance.High,
            "json (one JSON object per line) or csv."
        )
        {
            ValidValues = ["json", "csv"],
        },
        new(
            "csv.header",
            ConfigType.Boolean,
            "true",
            ConfigImportance.Medium,
            "The first line of a CSV file names its columns (matched to fields by name); false: columns are fields in schema order."
        ),
        new(
            "csv.separator",
            ConfigType.String,
            ",",
            ConfigImportance.Low,
            "The CSV field separator (one character)."
        ),
        new(
            "batch.size",
            ConfigType.Int,
            "2000",
            ConfigImportance.Low,
            "Most records returned by one poll."
        ),
        new(
            "poll.interval.ms",
            ConfigType.Int,
            "1000",
            ConfigImportance.Low,
            "Pause before looking again when no file has a new complete line."
        ),
    ];

    /// <summary>file.</summary>
    public string File { get; init; } = string.Empty;

    /// <summary>directory.</summary>
    public string Directory { get; init; } = string.Empty;

    /// <summary>file.pattern.</summary>
    public string FilePattern { get; init; } = "*";

    /// <summary>topic.</summary>
    public required string Topic { get; init; }

    /// <summary>format.</summary>
    public FileFormat Format { get; init; }

    /// <summary>csv.header.</summary>
    public bool CsvHeader { get; init; } = true;

    /// <summary>csv.separator.</summary>
    public char CsvSeparator { get; init; } = ',';

    /// <summary>batch.size.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>poll.interval.ms.</summary>
    public int PollIntervalMs { get; init; } = 1000;

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static FileSourceOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("file source", Keys, properties);
        var separator = config.GetRequiredString("csv.separator");
        var options = new FileSourceOptions
        {
            File = config.GetRequiredString("file"),
            Directory = config.GetRequiredString("directory"),
            FilePattern = config.GetRequiredString("file.pattern"),
            Topic = config.GetRequiredString("topic"),
            Format = config.GetString("format") == "csv" ? FileFormat.Csv : FileFormat.Json,
            CsvHeader = config.GetBoolean("csv.header"),
            CsvSeparator = separator.Length == 1 ? separator[0] : ',',
            BatchSize = config.GetInt("batch.size", min: 1),
            PollIntervalMs = config.GetInt("poll.interval.ms", min: 1),
        };
        if (separator.Length != 1)
        {
            config.AddError("csv.separator", $"'{separator}' is not one character");
        }
        if ((options.File.Length == 0) == (options.Directory.Length == 0))
        {
            config.AddError("file", "give exactly one of file and directory");
        }
        config.ThrowIfInvalid();
        return options;
    }
}
