namespace KConnector.Interop.Tests;

/// <summary>
/// The npm packages of node/package.json (Confluent's JavaScript serdes, avsc), installed once per
/// test run into the output folder with <c>npm ci</c>; test classes that run in parallel share the
/// one install instead of racing two into the same folder.
/// </summary>
public static class NodeModules
{
    private static readonly Lazy<Task<string>> Installed = new(InstallOnceAsync);

    /// <summary>The folder holding the scripts and their node_modules.</summary>
    public static Task<string> InstallAsync() => Installed.Value;

    private static async Task<string> InstallOnceAsync()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "node");
        var modules = Path.Combine(dir, "node_modules");
        if (
            !Directory.Exists(Path.Combine(modules, "@confluentinc", "schemaregistry"))
            || !Directory.Exists(Path.Combine(modules, "avsc"))
        )
        {
            await NodeProcess.RunAsync(
                "npm",
                "ci --no-audit --no-fund --loglevel=error",
                dir,
                TimeSpan.FromMinutes(10)
            );
        }
        return dir;
    }
}
