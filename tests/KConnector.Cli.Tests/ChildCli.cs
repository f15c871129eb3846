using System.Diagnostics;
using System.Text;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector</c> as a real child process (the tool's own entry point, its signal handling
/// included), whose output is collected as it comes and which can be sent a POSIX signal.
/// </summary>
public sealed class ChildCli : IDisposable
{
    /// <summary>SIGINT: what Ctrl+C sends.</summary>
    public const string SigInt = "INT";

    /// <summary>SIGTERM: what <c>kill</c>, systemd and Kubernetes send to stop a process.</summary>
    public const string SigTerm = "TERM";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ChildCli(Process process)
    {
        _process = process;
    }

    // The tool from its own build folder, with the dependencies it ships: in this test project's
    // folder the ASP.NET framework reference (the Kestrel test registry) stands in for the
    // Microsoft.Extensions packages, which the tool, run on .NET alone, would then not find.
    private static string ToolPath()
    {
        var testBin = Path.Combine(Repository.Root(), "tests", "KConnector.Cli.Tests", "bin");
        var configuration = Path.GetRelativePath(testBin, AppContext.BaseDirectory);
        return Path.Combine(
            Repository.Root(),
            "src",
            "KConnector.Cli",
            "bin",
            configuration,
            "KConnector.Cli.dll"
        );
    }

    /// <summary>Starts <c>kconnector</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static ChildCli Start(string workingDirectory, params string[] args)
    {
        // Through `env --default-signal=INT`: a test run started in the background by a script
        // inherits SIGINT ignored (POSIX shells do that to background jobs), a child inherits it
        // from the test host, and .NET, like the JVM under Kafka Connect, then leaves SIGINT
        // ignored, so Ctrl+C would never reach the tool. env execs the tool in place (same pid).
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in CliRun.WithoutRestApi(args))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var child = new ChildCli(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.Append(child._output, e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(child._error, e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Everything written to stdout so far.</summary>
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

    /// <summary>Everything written to stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails naming <paramref name="what"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail(
                    $"waiting for {what}: {(_process.HasExited ? "exited" : "timed out")}\n{this}"
                );
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>INT</c>, <c>TERM</c>) to the process with <c>kill -s</c>.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(
            "kill",
            ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
        );
        kill.WaitForExit(10_000);
        Assert.True(kill.HasExited && kill.ExitCode == 0, $"kill -s {signal} failed");
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Say what the child printed: a stop that hangs is diagnosed from its last lines.
            Assert.Fail($"the process did not exit within {timeout}\n{this}");
        }
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public override string ToString() => $"--- stdout\n{Output}\n--- stderr\n{Error}";

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (to)
        {
            to.AppendLine(line);
        }
    }
}
