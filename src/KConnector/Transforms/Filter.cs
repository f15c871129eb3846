using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>
/// The descriptor of Kafka Connect's <c>Filter</c> (KIP-585): drops every record it is applied to,
/// so it is used with a predicate. A dropped record's offset is still committed.
/// </summary>
[ConnectPlugin(
    "KConnector.Transforms.Filter",
    PluginKind.Transformation,
    Aliases = ["Filter", "org.apache.kafka.connect.transforms.Filter"],
    Description = "Drops all records, filtering them from subsequent transformations in the chain. This is intended to be used conditionally to filter out records matching (or not matching) a particular Predicate."
)]
public static partial class Filter
{
    /// <summary>The transform (it has no config).</summary>
    public static ITransformation Create(ParsedConfig config) => FilterTransformation.Instance;
}
