using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>ReplaceField$Key</c>: keeps, drops and renames fields of the key.</summary>
[ConnectPlugin(
    "KConnector.Transforms.ReplaceFieldKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["ReplaceField$Key", "org.apache.kafka.connect.transforms.ReplaceField$Key"],
    Description = "Filter or rename fields of the record key."
)]
[IncludeConfigKeys(typeof(ReplaceFieldConfig))]
public static partial class ReplaceFieldKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        ReplaceFieldConfig.Create(config, RecordPart.Key);
}
