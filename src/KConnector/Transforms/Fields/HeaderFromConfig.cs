using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>HeaderFrom</c> (KIP-145), shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "fields",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Field names in the record whose values are to be copied or moved to headers."
)]
[ConfigKey(
    "headers",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "Header names, in the same order as the field names listed in the fields configuration property."
)]
[ConfigKey(
    "operation",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    AllowedValues = ["move", "copy"],
    Documentation = "Either move if the fields are to be moved to the headers (removed from the key/value), or copy if the fields are to be copied to the headers (retained in the key/value)."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class HeaderFromConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        var fields = config.Get<IReadOnlyList<string>>("fields") ?? [];
        var headers = config.Get<IReadOnlyList<string>>("headers") ?? [];
        if (fields.Count != headers.Count)
        {
            throw new ConfigException(
                "fields",
                $"Invalid value [{string.Join(", ", fields)}] for configuration fields: 'fields' config must have the same number of elements as 'headers' config."
            );
        }
        return new HeaderFromTransformation(
            part,
            fields.Zip(headers).ToList(),
            string.Equals(
                config.Get<string>("operation"),
                "move",
                StringComparison.OrdinalIgnoreCase
            )
        );
    }
}
