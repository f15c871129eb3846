using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>InsertField</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "topic.field",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name for Kafka topic. Suffix with ! to make this a required field, or ? to keep it optional (the default)."
)]
[ConfigKey(
    "partition.field",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name for Kafka partition. Suffix with ! to make this a required field, or ? to keep it optional (the default)."
)]
[ConfigKey(
    "offset.field",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name for Kafka offset - only applicable to sink connectors. Suffix with ! to make this a required field, or ? to keep it optional (the default)."
)]
[ConfigKey(
    "timestamp.field",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name for record timestamp (epoch milliseconds). Suffix with ! to make this a required field, or ? to keep it optional (the default)."
)]
[ConfigKey(
    "static.field",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name for static data field. Suffix with ! to make this a required field, or ? to keep it optional (the default)."
)]
[ConfigKey(
    "static.value",
    ConfigType.String,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Static field value, if field name configured."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class InsertFieldConfig
{
    public static ITransformation Create(ParsedConfig config, Builtin.RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        string? Field(string key) =>
            Builtin.InsertFieldTransformation.FieldName(config.Get<string>(key));
        return new Builtin.InsertFieldTransformation(
            part,
            Field("topic.field"),
            Field("partition.field"),
            Field("offset.field"),
            Field("timestamp.field"),
            Field("static.field"),
            config.Get<string>("static.value")
        );
    }
}
