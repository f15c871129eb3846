using KConnector.Configuration.Providers;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector describe</c> for config providers, from their descriptors
/// (<see cref="ConfigProviderPlugins"/>: Kafka's three and those a package registered): listed with
/// their aliases, and one described by any of its names with its parameters as a worker config
/// gives them (<c>config.providers.&lt;name&gt;.param.*</c>).
/// </summary>
internal static class DescribeConfigProviders
{
    public static async Task ListAsync(TextWriter output)
    {
        await output.WriteLineAsync("Config providers:").ConfigureAwait(false);
        foreach (var plugin in ConfigProviderPlugins.All)
        {
            await output
                .WriteLineAsync($"  {plugin.ClassName} (also {string.Join(", ", plugin.Aliases)})")
                .ConfigureAwait(false);
        }
    }

    /// <summary>Describes the config provider <paramref name="name"/> names; false when it names none.</summary>
    public static async Task<bool> TryDescribeAsync(string name, TextWriter output)
    {
        if (ConfigProviderPlugins.Find(name) is not { } plugin)
        {
            return false;
        }
        await output.WriteLineAsync($"{plugin.ClassName}: a config provider").ConfigureAwait(false);
        if (plugin.Description.Length > 0)
        {
            await output.WriteLineAsync($"  {plugin.Description}").ConfigureAwait(false);
        }
        await output
            .WriteLineAsync(
                $"  config.providers.<name>.class may also be: {string.Join(", ", plugin.Aliases)}"
            )
            .ConfigureAwait(false);
        if (plugin.Definition.Keys.Count == 0)
        {
            await output.WriteLineAsync("  parameters: none").ConfigureAwait(false);
        }
        foreach (var key in plugin.Definition.Keys)
        {
            var shown = key.DefaultValue is { } d ? (d.Length == 0 ? "\"\"" : d) : "none";
            await output
                .WriteLineAsync($"  config.providers.<name>.param.{key.Name}")
                .ConfigureAwait(false);
            await output
                .WriteLineAsync(
                    $"    type: {key.Type.ToString().ToLowerInvariant()}, default: {shown}, importance: {key.Importance.ToString().ToLowerInvariant()}"
                )
                .ConfigureAwait(false);
            await output.WriteLineAsync($"    {key.Documentation}").ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>Every name a config provider goes by, for did-you-mean.</summary>
    public static IEnumerable<string> Names => ConfigProviderPlugins.All.SelectMany(p => p.Names);
}
