using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>HasHeaderKey</c> predicate: true when the record has a header with the name.</summary>
[ConnectPlugin(
    "KConnector.Transforms.HasHeaderKey",
    PluginKind.Predicate,
    Aliases = ["HasHeaderKey", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey"],
    Description = "A predicate which is true for records with at least one header with the configured name."
)]
[ConfigKey(
    "name",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.Medium,
    Group = "Predicate",
    Documentation = "The header name."
)]
public static partial class HasHeaderKey
{
    /// <summary>The predicate for <paramref name="config"/>.</summary>
    public static IPredicate Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new HasHeaderKeyPredicate(config.Get<string>("name")!);
    }
}
