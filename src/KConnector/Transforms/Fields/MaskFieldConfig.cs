using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>MaskField</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "fields",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Names of fields to mask."
)]
[ConfigKey(
    "replacement",
    ConfigType.String,
    Importance = ConfigImportance.Low,
    Group = "Transform",
    Documentation = "Custom value replacement, that will be applied to all 'fields' values (numeric or non-empty string values only)."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class MaskFieldConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        var fields = config.Get<IReadOnlyList<string>>("fields") ?? [];
        if (fields.Count == 0)
        {
            throw new ConfigException(
                "fields",
                "Invalid value [] for configuration fields: Empty list"
            );
        }
        var replacement = config.Get<string>("replacement");
        if (replacement is { Length: 0 })
        {
            throw new ConfigException(
                "replacement",
                "Invalid value  for configuration replacement: String must be non-empty"
            );
        }
        return new MaskFieldTransformation(part, fields, replacement);
    }
}
