using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>ExtractField</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "field",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field name to extract. With field.syntax.version=V2, a dotted path into nested fields (e.g. address.city)."
)]
[ConfigKey(
    "field.syntax.version",
    ConfigType.String,
    Default = "V1",
    Importance = ConfigImportance.High,
    Group = "Transform",
    AllowedValues = ["V1", "V2"],
    Documentation = "Defines the version of the syntax to access fields. If set to V1, then the field paths are limited to access the elements at the root level of the struct or map. If set to V2, the syntax will support accessing nested elements, separated by dots (KIP-821)."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class ExtractFieldConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        var field = config.Get<string>("field")!;
        var path = string.Equals(
            config.Get<string>("field.syntax.version"),
            "V2",
            StringComparison.OrdinalIgnoreCase
        )
            ? field.Split('.')
            : [field];
        return new ExtractFieldTransformation(part, path);
    }
}
