using KConnector.Plugins;

namespace KConnector.Configuration.Providers;

/// <summary>
/// A config provider as the worker knows it from its descriptor: the class name and aliases
/// <c>config.providers.&lt;name&gt;.class</c> may give, its parameters' definition
/// (<c>config.providers.&lt;name&gt;.param.*</c>) and how it is created. Kafka Connect's
/// <c>PluginDesc</c> of a <c>ConfigProvider</c>.
/// </summary>
/// <param name="Descriptor">The descriptor class.</param>
/// <param name="ClassName">The canonical class name.</param>
/// <param name="Aliases">The other names a worker config may give.</param>
/// <param name="Definition">Its parameters, generated from the descriptor's <see cref="ConfigKeyAttribute"/>s.</param>
/// <param name="Create">Creates the provider from its validated parameters (no reflection).</param>
/// <param name="Description">One sentence on what it does.</param>
public sealed record ConfigProviderPlugin(
    Type Descriptor,
    string ClassName,
    IReadOnlyList<string> Aliases,
    ConfigDefinition Definition,
    Func<ParsedConfig, IConfigProvider> Create,
    string Description = ""
)
{
    /// <summary>Its class name, then its aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(ClassName);

    /// <summary>Whether <paramref name="name"/> is its class name or an alias (Kafka's class names are case-sensitive; so are these).</summary>
    public bool IsNamed(string name) =>
        Names.Any(n => string.Equals(n, name.Trim(), StringComparison.Ordinal));
}
