using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>
/// <c>replace.null.with.default</c> (KIP-1040), the key Kafka Connect's field transformations share
/// (Cast, ExtractField, HeaderFrom, InsertField, MaskField, ReplaceField, SetSchemaMetadata,
/// TimestampConverter, ValueToKey): defined once here, and each transformation's keys include it
/// with <c>[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]</c> where Kafka Connect lists it.
/// </summary>
[ConfigKey(
    "replace.null.with.default",
    ConfigType.Boolean,
    Default = "true",
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Whether to replace fields that have a default value and that are null to the default value (has no effect on schemaless values)."
)]
internal static class ReplaceNullWithDefaultKey;
