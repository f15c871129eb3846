using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>SetSchemaMetadata$Key</c>: sets the name and version of the key's schema.</summary>
[ConnectPlugin(
    "KConnector.Transforms.SetSchemaMetadataKey",
    PluginKind.Transformation,
    SchemalessRecordsOnly = true,
    Aliases = [
        "SetSchemaMetadata$Key",
        "org.apache.kafka.connect.transforms.SetSchemaMetadata$Key",
    ],
    Description = "Set the schema name, version or both on the record key's schema."
)]
[IncludeConfigKeys(typeof(SetSchemaMetadataConfig))]
public static partial class SetSchemaMetadataKey
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        SetSchemaMetadataConfig.Create(config, RecordPart.Key);
}
