using System.Collections.Immutable;
using KConnector.Errors;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// The plugins a set of assemblies describes, read by the generator's own catalog reader (what a
/// spec is checked against), and what each plugin of <c>plugin.path</c> adds to the tool's: a name
/// (class name or alias) that two plugins, or a plugin and the tool, answer to in one family is
/// refused, naming both, as a spec naming it could not say which it means.
/// </summary>
internal static class PluginCatalogs
{
    private static readonly Lazy<PluginCatalog> Host = new(() =>
        Read(HostAssemblies.References.Value)
    );

    /// <summary>The catalog of <paramref name="references"/>.</summary>
    public static PluginCatalog Read(ImmutableArray<MetadataReference> references) =>
        PluginCatalogReader.Read(
            CSharpCompilation.Create("KConnector.Describe", references: references),
            CancellationToken.None
        );

    /// <summary>
    /// Sets each plugin's <see cref="PathPlugin.Entries"/>; a <see cref="ConfigException"/> of
    /// <c>plugin.path</c> when a name is answered twice.
    /// </summary>
    public static void Describe(IReadOnlyList<PathPlugin> plugins)
    {
        if (plugins.Count == 0)
        {
            return;
        }
        var host = Entries(Host.Value).ToList();
        var owners = new Dictionary<(string Family, string Name), string>();
        foreach (var entry in host)
        {
            foreach (var name in entry.Names)
            {
                owners.TryAdd((entry.Family, name), $"{entry.ClassName} (built in)");
            }
        }
        var builtIn = host.Select(e => (e.Family, e.ClassName)).ToHashSet();
        foreach (var plugin in plugins)
        {
            var catalog = Read([
                .. HostAssemblies.References.Value,
                .. plugin.Assemblies.Values.Select(p =>
                    (MetadataReference)MetadataReference.CreateFromFile(p)
                ),
            ]);
            plugin.Entries =
            [
                .. Entries(catalog).Where(e => !builtIn.Contains((e.Family, e.ClassName))),
            ];
            Claim(plugin, owners);
        }
    }

    private static void Claim(PathPlugin plugin, Dictionary<(string, string), string> owners)
    {
        foreach (var entry in plugin.Entries)
        {
            foreach (var name in entry.Names)
            {
                var owner = $"{entry.ClassName} in {plugin.Location}";
                if (owners.TryGetValue((entry.Family, name), out var other) && other != owner)
                {
                    throw new ConfigException(
                        PluginDirectories.Key,
                        $"{PluginDirectories.Key}: two {entry.Family}s answer to '{name}': {other} and {owner}; keep one of them on {PluginDirectories.Key}"
                    );
                }
                owners[(entry.Family, name)] = owner;
            }
        }
    }

    private static IEnumerable<PluginEntry> Entries(PluginCatalog catalog) =>
        [
            .. catalog.Plugins.Select(p => new PluginEntry(
                "connector",
                p.Kind == ConnectorKind.Sink ? "sink" : "source",
                p.ClassName,
                [.. p.Aliases]
            )),
            .. catalog.Converters.Select(c =>
            {
                var family = c.IsHeaderConverter ? "header converter" : "converter";
                return new PluginEntry(family, family, c.ClassName, [.. c.Aliases]);
            }),
            .. catalog.Transforms.Select(t =>
            {
                var family = t.IsPredicate ? "predicate" : "transformation";
                return new PluginEntry(family, family, t.ClassName, [.. t.Aliases]);
            }),
        ];
}
