using System.Reflection;
using KConnector.Errors;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// Finds the plugins of <c>plugin.path</c>, as Kafka Connect's plugin scan does: each entry is a
/// directory that is a plugin itself (it holds .dll files directly: a package's
/// <c>lib/net10.0</c>, a build output) or whose subdirectories holding .dll files are plugins, one
/// each. Only file names and assembly names are read here; nothing is loaded.
/// </summary>
internal static class PluginDirectories
{
    /// <summary>Kafka Connect's worker key (WorkerConfig.PLUGIN_PATH_CONFIG).</summary>
    public const string Key = "plugin.path";

    /// <summary>
    /// The plugins of the <paramref name="entries"/>, in order; a <see cref="ConfigException"/> of
    /// <see cref="Key"/> naming the entry or the file when one is not a directory or a .dll is not a
    /// .NET assembly.
    /// </summary>
    public static IReadOnlyList<PathPlugin> Scan(IReadOnlyList<string> entries)
    {
        var folders = new List<string>();
        foreach (var entry in entries)
        {
            var full = Path.GetFullPath(entry);
            if (!Directory.Exists(full))
            {
                throw new ConfigException(
                    Key,
                    $"{Key}: {full} is not a directory (each entry of {Key} is a folder of plugins, or one plugin's folder of .dll files)"
                );
            }
            folders.AddRange(
                HoldsAssemblies(full)
                    ? [full]
                    : Directory
                        .EnumerateDirectories(full)
                        .Where(HoldsAssemblies)
                        .Order(StringComparer.Ordinal)
            );
        }
        return [.. folders.Distinct(StringComparer.Ordinal).Select(Plugin)];
    }

    private static bool HoldsAssemblies(string folder) =>
        Directory.EnumerateFiles(folder, "*.dll").Any();

    private static PathPlugin Plugin(string folder)
    {
        var assemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var name = NameOf(dll);
            if (!HostAssemblies.Carries(name))
            {
                assemblies[name] = dll;
            }
        }
        return new PathPlugin(folder, assemblies, new PluginLoadContext(folder));
    }

    private static string NameOf(string dll)
    {
        try
        {
            return AssemblyName.GetAssemblyName(dll).Name
                ?? throw new BadImageFormatException("no assembly name");
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new ConfigException(
                Key,
                $"{Key}: {dll} is not a .NET assembly ({e.Message}): a plugin's folder holds the .NET assemblies of one plugin and its dependencies"
            );
        }
    }
}
