using KConnector.Plugins;

namespace KConnector.Configuration.Providers;

/// <summary>The descriptor of Kafka's <c>FileConfigProvider</c> (<see cref="FileConfigProvider"/>): its class name and aliases and its parameters (given as <c>config.providers.&lt;name&gt;.param.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.common.config.provider.FileConfigProvider",
    PluginKind.ConfigProvider,
    Aliases = ["FileConfigProvider", "File"],
    Description = "Kafka's FileConfigProvider: ${file:/path/to/file.properties:key} is the value of key in that Java properties file."
)]
[IncludeConfigKeys(typeof(AllowedPathsKey))]
public static partial class FileConfigProviderPlugin
{
    /// <summary>Creates the provider its parameters describe (relative paths from the current directory).</summary>
    public static IConfigProvider Create(ParsedConfig parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new FileConfigProvider(
            baseDirectory: null,
            parameters.Get<IReadOnlyList<string>>("allowed.paths")
        );
    }
}
