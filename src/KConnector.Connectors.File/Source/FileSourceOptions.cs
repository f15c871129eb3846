using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.File.Source;

/// <summary>
/// The file source's configuration: Kafka Connect's <c>FileStreamSourceConnector</c> keys
/// (<c>file</c>, <c>topic</c>, <c>batch.size</c>) plus our own for a directory of files and their
/// format.
/// </summary>
[TypedConfigKeys(typeof(global::KConnector.Connectors.File.FileStreamSource))]
public sealed partial record FileSourceOptions
{
    /// <summary>
    /// The file source's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.File.FileStreamSource.Definition;

    /// <summary>Every key the file source reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>format.</summary>
    public FileFormat Format { get; init; }

    /// <summary>csv.separator.</summary>
    public char CsvSeparator { get; init; }

    /// <summary>
    /// Parses and validates the file source's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static FileSourceOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var separator = parsed.Get<string>("csv.separator") ?? string.Empty;
        var options = new FileSourceOptions(parsed);
        if (separator.Length != 1)
        {
            parsed.AddIssue("csv.separator", $"'{separator}' is not one character");
        }
        if ((options.File.Length == 0) == (options.Directory.Length == 0))
        {
            parsed.AddIssue("file", "give exactly one of file and directory");
        }
        parsed.ThrowIfInvalid();
        return options;
    }
}
