using System.Reflection;
using KConnector.Plugins;

namespace KConnector.Configuration.Providers;

/// <summary>
/// The config providers a worker can create by name (<c>config.providers.&lt;name&gt;.class</c>):
/// Kafka's FileConfigProvider, DirectoryConfigProvider and EnvVarConfigProvider, then those a
/// package adds through <see cref="Register"/> (the generator calls it from a module initializer of
/// a project that references the package; a host may call it for its own). What
/// <c>kconnector describe</c> lists.
/// </summary>
public static class ConfigProviderPlugins
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<ConfigProviderPlugin> _registered = [];

    /// <summary>Kafka's three providers, each from its descriptor.</summary>
    public static IReadOnlyList<ConfigProviderPlugin> BuiltIn { get; } =
    [
        FromDescriptor(
            typeof(DirectoryConfigProviderPlugin),
            DirectoryConfigProviderPlugin.Definition,
            DirectoryConfigProviderPlugin.Create
        ),
        FromDescriptor(
            typeof(EnvVarConfigProviderPlugin),
            EnvVarConfigProviderPlugin.Definition,
            EnvVarConfigProviderPlugin.Create
        ),
        FromDescriptor(
            typeof(FileConfigProviderPlugin),
            FileConfigProviderPlugin.Definition,
            FileConfigProviderPlugin.Create
        ),
    ];

    /// <summary>The built-ins, then the registered ones.</summary>
    public static IReadOnlyList<ConfigProviderPlugin> All =>
        Volatile.Read(ref _registered) is { Count: > 0 } registered
            ? [.. BuiltIn, .. registered]
            : BuiltIn;

    /// <summary>The provider <paramref name="name"/> names (class name or alias), or null.</summary>
    public static ConfigProviderPlugin? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => p.IsNamed(name));
    }

    /// <summary>
    /// Adds a provider found by <paramref name="className"/> or one of <paramref name="aliases"/>.
    /// The same descriptor class again (a copy loaded into another load context, as a host that
    /// compiles specs at run time loads one) replaces the earlier one.
    /// </summary>
    /// <param name="descriptor">The descriptor class (<c>[ConnectPlugin(..., PluginKind.ConfigProvider)]</c>).</param>
    /// <param name="className">The class name <c>config.providers.&lt;name&gt;.class</c> gives.</param>
    /// <param name="aliases">Other names it answers to.</param>
    /// <param name="definition">Its parameters (the descriptor's generated <c>Definition</c>).</param>
    /// <param name="create">Creates it from its validated parameters.</param>
    /// <param name="description">One sentence on what it does, for <c>kconnector describe</c>.</param>
    /// <exception cref="ArgumentException">Another provider already answers to one of the names.</exception>
    public static void Register(
        Type descriptor,
        string className,
        IReadOnlyList<string> aliases,
        ConfigDefinition definition,
        Func<ParsedConfig, IConfigProvider> create,
        string description = ""
    )
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(create);
        var plugin = new ConfigProviderPlugin(
            descriptor,
            className,
            [.. aliases],
            definition,
            create,
            description ?? string.Empty
        );
        lock (Gate)
        {
            var others = _registered
                .Where(p => p.Descriptor.FullName != descriptor.FullName)
                .ToList();
            var taken = plugin.Names.FirstOrDefault(n =>
                BuiltIn.Concat(others).Any(p => p.IsNamed(n))
            );
            if (taken is not null)
            {
                throw new ArgumentException(
                    $"The config provider name '{taken}' of {descriptor.FullName} is taken by another plugin."
                );
            }
            Volatile.Write(ref _registered, [.. others, plugin]);
        }
    }

    // The runtime's own descriptors: names from their [ConnectPlugin], as ConverterPlugin reads them.
    private static ConfigProviderPlugin FromDescriptor(
        Type descriptor,
        ConfigDefinition definition,
        Func<ParsedConfig, IConfigProvider> create
    )
    {
        var plugin = descriptor.GetCustomAttribute<ConnectPluginAttribute>()!;
        return new ConfigProviderPlugin(
            descriptor,
            plugin.ClassName,
            plugin.Aliases,
            definition,
            create,
            plugin.Description
        );
    }
}
