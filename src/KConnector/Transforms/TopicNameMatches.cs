using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>TopicNameMatches</c> predicate: true when the whole topic name matches the pattern.</summary>
[ConnectPlugin(
    "KConnector.Transforms.TopicNameMatches",
    PluginKind.Predicate,
    Aliases = [
        "TopicNameMatches",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
    ],
    Description = "A predicate which is true for records with a topic name that matches the configured regular expression."
)]
[ConfigKey(
    "pattern",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.Medium,
    Group = "Predicate",
    Documentation = "A Java regular expression for matching against the name of a topic."
)]
public static partial class TopicNameMatches
{
    /// <summary>The predicate for <paramref name="config"/>; a pattern that does not compile throws a <see cref="Errors.ConfigException"/> naming <c>pattern</c>.</summary>
    public static IPredicate Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TopicNameMatchesPredicate(
            TransformRegex.Compile("pattern", config.Get<string>("pattern")!)
        );
    }
}
