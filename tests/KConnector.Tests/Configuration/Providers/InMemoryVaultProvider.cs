using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Tests.Configuration.Providers;

/// <summary>
/// A third party's config provider, as a vault client would be: <c>${vault:path:key}</c> reads
/// <c>path/key</c> from a store its parameter names (here a process-wide table the tests fill).
/// Named from a worker config by its class name once registered from its descriptor.
/// </summary>
public sealed class InMemoryVaultProvider(string mount) : IConfigProvider
{
    /// <summary>The secrets, by <c>mount/path/key</c>.</summary>
    public static Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Get(string? path, string key) =>
        Secrets.TryGetValue($"{mount}/{path}/{key}", out var value)
            ? value
            : throw new ConfigProviderException($"the vault has no secret {mount}/{path}/{key}");
}

/// <summary>The descriptor of <see cref="InMemoryVaultProvider"/>.</summary>
[ConnectPlugin(
    "com.example.vault.InMemoryVaultProvider",
    PluginKind.ConfigProvider,
    Aliases = ["InMemoryVaultProvider"],
    Description = "A test vault."
)]
[ConfigKey(
    "mount",
    ConfigType.String,
    Required = true,
    Group = "Config provider",
    Documentation = "The vault's mount."
)]
public static partial class InMemoryVaultProviderPlugin
{
    /// <summary>Adds it to the worker's providers (a package's generated module initializer does this).</summary>
    public static void Register() =>
        KConnector.Configuration.Providers.ConfigProviderPlugins.Register(
            typeof(InMemoryVaultProviderPlugin),
            "com.example.vault.InMemoryVaultProvider",
            ["InMemoryVaultProvider"],
            Definition,
            Create
        );

    /// <summary>Creates the provider.</summary>
    public static IConfigProvider Create(ParsedConfig parameters) =>
        new InMemoryVaultProvider(parameters.Get<string>("mount")!);
}
