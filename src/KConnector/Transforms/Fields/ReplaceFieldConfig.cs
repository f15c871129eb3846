using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>
/// The keys of Kafka Connect's <c>ReplaceField</c>, shared by its <c>$Key</c> and <c>$Value</c>
/// descriptors, with the deprecated <c>blacklist</c> / <c>whitelist</c> names Connect still takes.
/// </summary>
[ConfigKey(
    "exclude",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Fields to exclude. This takes precedence over the fields to include."
)]
[ConfigKey(
    "include",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Fields to include. If specified, only these fields will be used."
)]
[ConfigKey(
    "renames",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Transform",
    Documentation = "Field rename mappings, e.g. foo:bar,abc:xyz."
)]
[ConfigKey(
    "blacklist",
    ConfigType.List,
    Importance = ConfigImportance.Low,
    Group = "Transform",
    Documentation = "Deprecated. Use exclude instead."
)]
[ConfigKey(
    "whitelist",
    ConfigType.List,
    Importance = ConfigImportance.Low,
    Group = "Transform",
    Documentation = "Deprecated. Use include instead."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class ReplaceFieldConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ReplaceFieldTransformation(
            part,
            Deprecated(config, "exclude", "blacklist"),
            Deprecated(config, "include", "whitelist"),
            Renames(config.Get<IReadOnlyList<string>>("renames") ?? [])
        );
    }

    // ConfigUtils.translateDeprecatedConfigs: the old name counts only when the new one is not set.
    private static HashSet<string> Deprecated(ParsedConfig config, string key, string old)
    {
        var names =
            config.Originals.ContainsKey(key) || !config.Originals.ContainsKey(old)
                ? config.Get<IReadOnlyList<string>>(key)
                : config.Get<IReadOnlyList<string>>(old);
        return new HashSet<string>(names ?? [], StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Renames(IReadOnlyList<string> mappings)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var parts = mapping.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ConfigException(
                    "renames",
                    $"Invalid value [{string.Join(", ", mappings)}] for configuration renames: Invalid rename mapping: {mapping}"
                );
            }
            renames[parts[0]] = parts[1];
        }
        return renames;
    }
}
