using KConnector.Plugins;

namespace KConnector.Configuration.Providers;

/// <summary>The descriptor of Kafka's <c>EnvVarConfigProvider</c> (<see cref="EnvironmentConfigProvider"/>, KIP-887): its class name and aliases and its parameters (given as <c>config.providers.&lt;name&gt;.param.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
    PluginKind.ConfigProvider,
    Aliases = ["EnvVarConfigProvider", "EnvVar"],
    Description = "Kafka's EnvVarConfigProvider: ${env:NAME} is the environment variable NAME."
)]
[ConfigKey(
    "allowlist.pattern",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Config provider",
    Documentation = "A pattern / regular expression that needs to match for environment variables to be used by this config provider. If not set, every variable may be used."
)]
public static partial class EnvVarConfigProviderPlugin
{
    /// <summary>Creates the provider its parameters describe.</summary>
    public static IConfigProvider Create(ParsedConfig parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new EnvironmentConfigProvider(parameters.Get<string>("allowlist.pattern"));
    }
}
