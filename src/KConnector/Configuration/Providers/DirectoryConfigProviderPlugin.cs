using KConnector.Plugins;

namespace KConnector.Configuration.Providers;

/// <summary>The descriptor of Kafka's <c>DirectoryConfigProvider</c> (<see cref="DirectoryConfigProvider"/>, KIP-632): its class name and aliases and its parameters (given as <c>config.providers.&lt;name&gt;.param.*</c>).</summary>
[ConnectPlugin(
    "org.apache.kafka.common.config.provider.DirectoryConfigProvider",
    PluginKind.ConfigProvider,
    Aliases = ["DirectoryConfigProvider", "Directory"],
    Description = "Kafka's DirectoryConfigProvider: ${dir:/path/to/directory:name} is the content of the file name in that directory (a mounted Kubernetes or Docker secret)."
)]
[IncludeConfigKeys(typeof(AllowedPathsKey))]
public static partial class DirectoryConfigProviderPlugin
{
    /// <summary>Creates the provider its parameters describe (relative paths from the current directory).</summary>
    public static IConfigProvider Create(ParsedConfig parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DirectoryConfigProvider(
            baseDirectory: null,
            parameters.Get<IReadOnlyList<string>>("allowed.paths")
        );
    }
}
