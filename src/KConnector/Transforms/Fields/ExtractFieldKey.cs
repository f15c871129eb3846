using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>ExtractField$Key</c>: replaces the key with one of its fields.</summary>
[ConnectPlugin(
    "KConnector.Transforms.ExtractFieldKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["ExtractField$Key", "org.apache.kafka.connect.transforms.ExtractField$Key"],
    Description = "Extract the specified field from the record key and replace the entire key with it."
)]
[IncludeConfigKeys(typeof(ExtractFieldConfig))]
public static partial class ExtractFieldKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        ExtractFieldConfig.Create(config, RecordPart.Key);
}
