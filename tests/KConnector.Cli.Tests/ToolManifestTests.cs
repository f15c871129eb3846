using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace KConnector.Cli.Tests;

/// <summary>
/// dotnet-tools.json lists the repository's own kconnector tool next to the formatter, at the version
/// the build packs, so `dotnet kconnector ...` works in the clone after ./build.sh.
/// </summary>
public sealed class ToolManifestTests
{
    [Fact]
    public void Manifest_ListsTheKconnectorToolAtTheBuiltVersion()
    {
        using var manifest = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(Repository.Root(), "dotnet-tools.json"))
        );
        var tools = manifest.RootElement.GetProperty("tools");

        var kconnector = tools.GetProperty("kconnector.cli");
        var built = typeof(KConnectorCommand)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!
            .InformationalVersion.Split('+')[0];
        Assert.Equal(built, kconnector.GetProperty("version").GetString());
        Assert.Equal("kconnector", kconnector.GetProperty("commands")[0].GetString());
        Assert.True(tools.TryGetProperty("csharpier", out _));
    }

    [Fact]
    public async Task DotnetKconnector_RunsTheRestoredTool_WithItsExitCodes()
    {
        var described = await RunAsync("describe", "FileStreamSink");
        Assert.True(described.ExitCode == 0, described.ToString());
        Assert.StartsWith(
            "KConnector.Connectors.File.JsonLinesFileSink: a sink connector",
            described.Output,
            StringComparison.Ordinal
        );

        var unknown = await RunAsync("describe", "FileStreamSinc");
        Assert.Equal(ExitCodes.InvalidInput, unknown.ExitCode);
        Assert.Contains(
            "Did you mean \"FileStreamSink\"?",
            unknown.Error,
            StringComparison.Ordinal
        );
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("kconnector");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var run = new CliRun(process.ExitCode, await output, await error);
        Assert.False(
            run.Error.Contains("dotnet tool restore", StringComparison.Ordinal),
            "the local tools are not restored: run ./build.sh test (it packs and restores kconnector)\n"
                + run
        );
        return run;
    }
}
