using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>SetSchemaMetadata$Value</c>: sets the name and version of the value's schema.</summary>
[ConnectPlugin(
    "KConnector.Transforms.SetSchemaMetadataValue",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = [
        "SetSchemaMetadata$Value",
        "org.apache.kafka.connect.transforms.SetSchemaMetadata$Value",
    ],
    Description = "Set the schema name, version or both on the record value's schema."
)]
[IncludeConfigKeys(typeof(SetSchemaMetadataConfig))]
public static partial class SetSchemaMetadataValue
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        SetSchemaMetadataConfig.Create(config, RecordPart.Value);
}
