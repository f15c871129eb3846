using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace KConnector.Cli.Tests;

/// <summary>
/// build.sh lists the repository's own kconnector tool in .config/dotnet-tools.json at the version
/// it just packed (one of its own per build), next to the committed manifest's formatter, so
/// `dotnet kconnector ...` works in the clone after ./build.sh and runs this clone's build: dotnet's
/// tool resolver cache maps an id and version to a path, so a shared version could run the tool
/// another clone built (issue 12).
/// </summary>
public sealed class ToolManifestTests
{
    [Fact]
    public void Manifest_ListsTheKconnectorToolAtThisBuildsOwnVersion()
    {
        var kconnector = Tools(".config/dotnet-tools.json").GetProperty("kconnector.cli");

        Assert.Equal(BuiltVersion, kconnector.GetProperty("version").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+-build\.\d{14}$", BuiltVersion);
        Assert.Equal("kconnector", kconnector.GetProperty("commands")[0].GetString());
        Assert.True(Tools("dotnet-tools.json").TryGetProperty("csharpier", out _));
        Assert.False(Tools("dotnet-tools.json").TryGetProperty("kconnector.cli", out _));
    }

    [Fact]
    public async Task DotnetKconnector_RunsTheToolThisCloneBuilt()
    {
        var version = await RunAsync("--version");

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(BuiltVersion, version.Output.Trim().Split('+')[0]);
    }

    private static string BuiltVersion =>
        typeof(KConnectorCommand)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!
            .InformationalVersion.Split('+')[0];

    private static JsonElement Tools(string manifest)
    {
        var path = Path.Combine(Repository.Root(), manifest);
        Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh test, which writes it");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("tools").Clone();
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
