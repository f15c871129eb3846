using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>RecordIsTombstone</c> predicate: true when the value is null.</summary>
[ConnectPlugin(
    "KConnector.Transforms.RecordIsTombstone",
    PluginKind.Predicate,
    Aliases = [
        "RecordIsTombstone",
        "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone",
    ],
    Description = "A predicate which is true for records which are tombstones (i.e. have null value)."
)]
public static partial class RecordIsTombstone
{
    /// <summary>The predicate (it has no config).</summary>
    public static IPredicate Create(ParsedConfig config) => RecordIsTombstonePredicate.Instance;
}
