using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>DropHeaders</c>: removes every header with one of the given names.</summary>
[ConnectPlugin(
    "KConnector.Transforms.DropHeaders",
    PluginKind.Transformation,
    Aliases = ["DropHeaders", "org.apache.kafka.connect.transforms.DropHeaders"],
    Description = "Removes one or more headers from each record."
)]
[ConfigKey(
    "headers",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "The name of the headers to be removed."
)]
public static partial class DropHeaders
{
    /// <summary>The transform for <paramref name="config"/>; an empty list throws a <see cref="ConfigException"/> naming <c>headers</c> (Kafka Connect's NonEmptyList).</summary>
    public static ITransformation Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var names = config.Get<IReadOnlyList<string>>("headers") ?? [];
        if (names.Count == 0)
        {
            throw new ConfigException(
                "headers",
                "Invalid value [] for configuration headers: Empty list"
            );
        }
        return new DropHeadersTransformation(new HashSet<string>(names, StringComparer.Ordinal));
    }
}
