using KConnector.Configuration;
using KConnector.Plugins;

namespace Acme.Connectors.Audit;

/// <summary>
/// A config provider of the plugin: <c>${vault:audit:file}</c> is the file its parameter
/// <c>file</c> names, so a connector's config need not hold the path.
/// </summary>
[ConnectPlugin(
    "Acme.Connectors.Audit.AuditVaultConfigProvider",
    PluginKind.ConfigProvider,
    Aliases = ["AuditVault"],
    Description = "The audit file's path, from the worker's config."
)]
[ConfigKey(
    "file",
    ConfigType.String,
    Required = true,
    Documentation = "What ${<name>:audit:file} resolves to."
)]
public static partial class AuditVault
{
    /// <summary>Called by the worker for each <c>config.providers</c> name naming it.</summary>
    public static IConfigProvider Create(ParsedConfig parameters) =>
        new AuditVaultProvider(parameters.Get<string>("file")!);
}

/// <summary>What <see cref="AuditVault"/> answers.</summary>
public sealed class AuditVaultProvider(string file) : IConfigProvider
{
    /// <inheritdoc />
    public string Get(string? path, string key) =>
        path == "audit" && key == "file"
            ? file
            : throw new ConfigProviderException($"no {path}:{key} in the audit vault");
}
