using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>SetSchemaMetadata</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "schema.name",
    ConfigType.String,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Schema name to set."
)]
[ConfigKey(
    "schema.version",
    ConfigType.Int,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Schema version to set."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class SetSchemaMetadataConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SetSchemaMetadataTransformation(part);
    }
}
