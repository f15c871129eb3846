using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>kconnector run</c> as a separate process (the tool from its own build folder), whose REST
/// address is read from its first lines (<c>REST API at http://127.0.0.1:port (listeners)</c>).
/// </summary>
internal sealed partial class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ToolProcess(Process process) => _process = process;

    public static ToolProcess Run(string workingDirectory, params string[] args) =>
        Start(workingDirectory, ["run", .. args]);

    /// <summary>Starts <c>kconnector</c> with its verb and arguments, e.g. <c>distributed worker.properties</c>.</summary>
    public static ToolProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var tool = new ToolProcess(new Process { StartInfo = start });
        tool._process.OutputDataReceived += (_, e) => tool.Append(e.Data);
        tool._process.ErrorDataReceived += (_, e) => tool.Append(e.Data);
        tool._process.Start();
        tool._process.BeginOutputReadLine();
        tool._process.BeginErrorReadLine();
        return tool;
    }

    private static string ToolPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Generator.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        // tests/KConnector.Rest.Tests/bin/<Configuration>/net10.0/ -> src/KConnector.Cli/bin/<Configuration>/net10.0/
        var testBin = Path.Combine(root.FullName, "tests", "KConnector.Rest.Tests", "bin");
        var configuration = Path.GetRelativePath(testBin, AppContext.BaseDirectory);
        return Path.Combine(
            root.FullName,
            "src",
            "KConnector.Cli",
            "bin",
            configuration,
            "KConnector.Cli.dll"
        );
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits (at most 3 minutes: the tool compiles at start) for the REST API's address.</summary>
    public async Task<Uri> RestAddressAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (RestLine().Match(Output) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
            await Task.Delay(100);
        }
        Assert.Fail("the tool never served its REST API:\n" + Output);
        return null!;
    }

    /// <summary>Sends SIGTERM and waits (at most 60 s) for a clean exit.</summary>
    public async Task<int> StopAsync()
    {
        using (
            var kill = Process.Start(
                "kill",
                [
                    "-s",
                    "TERM",
                    _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ]
            )
        )
        {
            await kill.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"REST API at (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex RestLine();
}
