using System.Reflection;
using System.Runtime.Loader;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// One plugin's assemblies, isolated as Kafka Connect's PluginClassLoader isolates a plugin's jars:
/// an assembly the tool carries (<see cref="HostAssemblies"/>: KConnector, Confluent.Kafka, the
/// framework) always comes from the tool, so the plugin's types and the worker's match; any other
/// comes from the plugin's own folder, so two plugins may carry two versions of a dependency.
/// </summary>
internal sealed class PluginLoadContext(string directory)
    : AssemblyLoadContext("kconnector-plugin:" + directory, isCollectible: false)
{
    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name || HostAssemblies.Carries(name))
        {
            return null; // the tool's (default context)
        }
        var path = Path.Combine(directory, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
