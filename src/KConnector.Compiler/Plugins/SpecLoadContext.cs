using System.Reflection;
using System.Runtime.Loader;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// Where an assembly compiled from specs is loaded: a reference to a plugin's assembly resolves in
/// that plugin's <see cref="PluginLoadContext"/> (where it is loaded on this first use), any other
/// in the tool's. A context of its own per compilation: two runs in one process load two assemblies.
/// </summary>
internal sealed class SpecLoadContext(PluginPath plugins)
    : AssemblyLoadContext("kconnector-specs", isCollectible: false)
{
    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName) =>
        plugins.Owner(assemblyName) is { } plugin
            ? plugin.Context.LoadFromAssemblyName(assemblyName)
            : null;
}
