using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>
/// The descriptor of Kafka Connect's <c>RegexRouter</c>: updates the record's topic with the
/// replacement when the whole topic matches the regular expression.
/// </summary>
[ConnectPlugin(
    "KConnector.Transforms.RegexRouter",
    PluginKind.Transformation,
    Aliases = ["RegexRouter", "org.apache.kafka.connect.transforms.RegexRouter"],
    Description = "Update the record topic using the configured regular expression and replacement string."
)]
[ConfigKey(
    "regex",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Regular expression to use for matching."
)]
[ConfigKey(
    "replacement",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Replacement string."
)]
public static partial class RegexRouter
{
    /// <summary>A router for <paramref name="config"/> (parsed with <c>Definition</c>); a regex that does not compile throws a <see cref="Errors.ConfigException"/> naming <c>regex</c>.</summary>
    public static ITransformation Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RegexRouterTransformation(
            TransformRegex.Compile("regex", config.Get<string>("regex")!),
            config.Get<string>("replacement") ?? string.Empty
        );
    }
}
