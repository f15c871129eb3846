using System.Collections.Immutable;
using System.Reflection;
using KConnector.Errors;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// A worker's <c>plugin.path</c>, found and checked once per process and value (Kafka Connect's
/// Plugins): the plugins' assemblies are compile-time references of every spec compiled at run time
/// (so the generated code names and registers their connectors, converters, transformations and
/// predicates, as for a project reference), and are loaded, each plugin in its own
/// <see cref="PluginLoadContext"/>, when the path is loaded (<see cref="PluginRegistrations"/>:
/// the assemblies declaring plugins) or when a compiled connector first uses one.
/// </summary>
internal sealed class PluginPath
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, PluginPath> Loaded = new(StringComparer.Ordinal);

    private readonly Lazy<PluginCatalog> _catalog;

    private PluginPath(IReadOnlyList<PathPlugin> plugins)
    {
        Plugins = plugins;
        // A dependency two plugins carry is referenced once (the first plugin's): metadata only.
        References =
        [
            .. HostAssemblies.References.Value,
            .. plugins
                .SelectMany(p => p.Assemblies)
                .DistinctBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
                .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Value)),
        ];
        _catalog = new(() => PluginCatalogs.Read(References));
    }

    /// <summary>No <c>plugin.path</c>: the tool's own plugins.</summary>
    public static PluginPath None => For(new Dictionary<string, string>());

    /// <summary>The plugins found, in the order of the entries.</summary>
    public IReadOnlyList<PathPlugin> Plugins { get; }

    /// <summary>The compile-time references of a spec: the tool's assemblies and the plugins'.</summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>What the references describe: the catalog a spec is checked against and <c>describe</c> shows.</summary>
    public PluginCatalog Catalog => _catalog.Value;

    /// <summary>
    /// The plugin path of the worker <paramref name="settings"/> (its <c>plugin.path</c>), the same
    /// instance for the same value in one process, so that a plugin's types are loaded once. A
    /// <see cref="ConfigException"/> of <c>plugin.path</c> names the entry or file that is wrong.
    /// </summary>
    public static PluginPath For(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var entries = Entries(settings.GetValueOrDefault(PluginDirectories.Key));
        var key = string.Join('\n', entries.Select(e => Path.GetFullPath(e)));
        lock (Gate)
        {
            if (!Loaded.TryGetValue(key, out var path))
            {
                var plugins = PluginDirectories.Scan(entries);
                PluginCatalogs.Describe(plugins);
                path = new PluginPath(plugins);
                PluginRegistrations.Register(path);
                Loaded[key] = path;
            }
            return path;
        }
    }

    /// <summary>The plugin that carries <paramref name="assembly"/>, the first that does; null when none does.</summary>
    public PathPlugin? Owner(AssemblyName assembly) =>
        assembly.Name is { } name
            ? Plugins.FirstOrDefault(p => p.Assemblies.ContainsKey(name))
            : null;

    // Connect's List type: comma-separated, each trimmed. The raw value: as in Kafka Connect, the
    // plugins are found before the config providers exist, so ${...} cannot be used here.
    private static IReadOnlyList<string> Entries(string? value)
    {
        if (value is not null && value.Contains("${", StringComparison.Ordinal))
        {
            throw new ConfigException(
                PluginDirectories.Key,
                $"{PluginDirectories.Key}: config provider variables are not resolved here (the plugins are found before the config providers exist, as in Kafka Connect): give the directories themselves"
            );
        }
        return value?.Split(
                ',',
                StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
            ) ?? [];
    }
}
