using KConnector.Compiler;

namespace KConnector.Cli.Tests;

/// <summary>
/// The tool's built-in connectors are found, not listed: every src/KConnector.Connectors.* project
/// is an assembly a spec compiles against, and every connector plugin it describes is one
/// <c>describe</c> lists, with no list in the tool to edit when a connector is added.
/// </summary>
public class BuiltInConnectorAssembliesTests
{
    [Fact]
    public void EveryConnectorProjectOfTheRepository_IsABuiltInAssemblyOfTheTool()
    {
        var projects = Directory
            .GetDirectories(Path.Combine(Repository.Root(), "src"), "KConnector.Connectors.*")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        var carried = SpecCompiler
            .BuiltInConnectorAssemblies.Select(a => a.GetName().Name)
            .Where(n => n!.StartsWith("KConnector.Connectors.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(projects, carried);
    }

    [Fact]
    public async Task EveryConnectorPluginOfTheCarriedAssemblies_IsListedByDescribe()
    {
        var described = SpecCompiler
            .BuiltInConnectorAssemblies.SelectMany(a => a.GetExportedTypes())
            .Select(t =>
                t.GetCustomAttributes(typeof(KConnector.Plugins.ConnectPluginAttribute), false)
                    .Cast<KConnector.Plugins.ConnectPluginAttribute>()
                    .FirstOrDefault()
            )
            .Where(a =>
                a?.Kind
                    is KConnector.Plugins.PluginKind.Source
                        or KConnector.Plugins.PluginKind.Sink
            )
            .Select(a => a!.ClassName)
            .Order(StringComparer.Ordinal);

        var run = await CliRun.InvokeAsync("describe");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("KConnector.Connectors.Redis.RedisSink", described);
        Assert.All(described, c => Assert.Contains(c + " (", run.Output, StringComparison.Ordinal));
    }
}
