using KConnector.Cli.Running;
using KConnector.Compiler;
using KConnector.Compiler.Plugins;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector describe --worker worker.properties</c>: the plugins of the worker's
/// <c>plugin.path</c>, described with the built-in ones, and each listed under its location, as
/// Kafka Connect's worker logs each plugin it loads with its location.
/// </summary>
internal static class DescribePluginPath
{
    /// <summary>
    /// The plugin path of the worker config <paramref name="worker"/> (none without one); null,
    /// with the error written naming the file and <c>plugin.path</c>, when it is wrong.
    /// </summary>
    public static async Task<PluginPath?> ReadAsync(FileInfo? worker, TextWriter error)
    {
        if (worker is null)
        {
            return PluginPath.None;
        }
        if (!await SpecFiles.AllExistAsync([worker], error).ConfigureAwait(false))
        {
            return null;
        }
        var config = PropertiesSpec.Read(worker.FullName);
        var lines = config.IsConnector
            ? [$"{config.Path}: names a connector.class: --worker takes a worker config"]
            : WorkerFile.NotWorkerKeys(config).ToList();
        if (lines.Count == 0 && WorkerFile.PluginPath(config.Values, out var plugins) is { } e)
        {
            lines.Add($"{config.Path}: {e}");
        }
        foreach (var line in lines)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }
        return lines.Count == 0 ? PluginPath.For(config.Values) : null;
    }

    /// <summary>Lists each plugin of <paramref name="plugins"/> with its location.</summary>
    public static async Task ListAsync(PluginPath plugins, TextWriter output)
    {
        if (plugins.Plugins.Count == 0)
        {
            return;
        }
        await output.WriteLineAsync("Plugins from plugin.path:").ConfigureAwait(false);
        foreach (var plugin in plugins.Plugins)
        {
            await output.WriteLineAsync($"  {plugin.Location}").ConfigureAwait(false);
            foreach (var entry in plugin.Entries.Concat(ConfigProviders(plugin)))
            {
                var aliases =
                    entry.Aliases.Count == 0 ? "" : "; also " + string.Join(", ", entry.Aliases);
                await output
                    .WriteLineAsync($"    {entry.ClassName} ({entry.Kind}{aliases})")
                    .ConfigureAwait(false);
            }
        }
    }

    // Config providers are registered when the path loads (not in the generator's catalog): those
    // whose descriptor was loaded in the plugin's context are its own.
    private static IEnumerable<PluginEntry> ConfigProviders(PathPlugin plugin) =>
        KConnector
            .Configuration.Providers.ConfigProviderPlugins.All.Where(p =>
                System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(p.Descriptor.Assembly)
                == plugin.Context
            )
            .Select(p => new PluginEntry(
                "config provider",
                "config provider",
                p.ClassName,
                [.. p.Aliases]
            ));

    /// <summary>The location of the plugin declaring <paramref name="className"/>; null for a built-in.</summary>
    public static string? Location(PluginPath plugins, string className) =>
        plugins.Plugins.FirstOrDefault(p => p.Entries.Any(e => e.ClassName == className))?.Location;
}
