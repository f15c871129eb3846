using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>MaskField$Key</c>: replaces fields of the key with their type's empty value or a replacement.</summary>
[ConnectPlugin(
    "KConnector.Transforms.MaskFieldKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["MaskField$Key", "org.apache.kafka.connect.transforms.MaskField$Key"],
    Description = "Mask specified fields of the record key with a valid null value for the field type (i.e. 0, false, empty string, and so on), or a custom replacement."
)]
[IncludeConfigKeys(typeof(MaskFieldConfig))]
public static partial class MaskFieldKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        MaskFieldConfig.Create(config, RecordPart.Key);
}
