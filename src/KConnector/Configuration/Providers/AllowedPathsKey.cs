using KConnector.Plugins;

namespace KConnector.Configuration.Providers;

/// <summary>
/// <c>allowed.paths</c> (KIP-993), the parameter Kafka's FileConfigProvider and
/// DirectoryConfigProvider share: defined once here, and both descriptors include it with
/// <c>[IncludeConfigKeys(typeof(AllowedPathsKey))]</c>.
/// </summary>
[ConfigKey(
    "allowed.paths",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Config provider",
    Documentation = "A comma separated list of paths that this config provider is allowed to access. If not set, all paths are allowed."
)]
internal static class AllowedPathsKey;
