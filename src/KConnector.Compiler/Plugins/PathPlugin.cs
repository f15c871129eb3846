namespace KConnector.Compiler.Plugins;

/// <summary>
/// One plugin found on <c>plugin.path</c>: a folder of .NET assemblies (a package's
/// <c>lib/net10.0</c>, a <c>dotnet build</c> or <c>publish</c> output) loaded in a context of its own.
/// </summary>
/// <param name="Location">The plugin's folder (full path).</param>
/// <param name="Assemblies">Its own assemblies, by simple name: the ones the tool does not carry.</param>
/// <param name="Context">Where they are loaded, when first used.</param>
internal sealed record PathPlugin(
    string Location,
    IReadOnlyDictionary<string, string> Assemblies,
    PluginLoadContext Context
)
{
    /// <summary>The plugins its descriptors declare (connectors, converters, transformations, predicates).</summary>
    public IReadOnlyList<PluginEntry> Entries { get; set; } = [];
}
