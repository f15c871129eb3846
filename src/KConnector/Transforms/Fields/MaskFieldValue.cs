using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>MaskField$Value</c>: replaces fields of the value with their type's empty value or a replacement.</summary>
[ConnectPlugin(
    "KConnector.Transforms.MaskFieldValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = ["MaskField$Value", "org.apache.kafka.connect.transforms.MaskField$Value"],
    Description = "Mask specified fields of the record value with a valid null value for the field type (i.e. 0, false, empty string, and so on), or a custom replacement."
)]
[IncludeConfigKeys(typeof(MaskFieldConfig))]
public static partial class MaskFieldValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        MaskFieldConfig.Create(config, RecordPart.Value);
}
