using System.Diagnostics;
using System.Text;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// <c>kconnector run</c> (Kafka Connect's standalone mode) as a child process, from the tool's own
/// build folder; killed with SIGKILL by the reliability tests.
/// </summary>
internal sealed class KconnectorRunProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private KconnectorRunProcess(Process process) => _process = process;

    public static KconnectorRunProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ToolPath());
        start.ArgumentList.Add("run");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var child = new KconnectorRunProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>What the process wrote so far (stdout and stderr).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no stop, no flush, no last offset commit.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    // src/KConnector.Cli/bin/<configuration>/net10.0/KConnector.Cli.dll, the configuration being this test's.
    private static string ToolPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null
            && !System.IO.File.Exists(Path.Combine(directory.FullName, "Generator.sln"))
        )
        {
            directory = directory.Parent;
        }
        var root =
            directory?.FullName
            ?? throw new InvalidOperationException(
                "Generator.sln not found above " + AppContext.BaseDirectory
            );
        var testBin = Path.Combine(root, "tests", "KConnector.Connectors.PostgreSql.Tests", "bin");
        var configuration = Path.GetRelativePath(testBin, AppContext.BaseDirectory);
        return Path.Combine(
            root,
            "src",
            "KConnector.Cli",
            "bin",
            configuration,
            "KConnector.Cli.dll"
        );
    }
}
