using System.Diagnostics;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>The KConnector.Worker.TestHost executable as a real child process.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Add(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Add("stderr: " + e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static WorkerProcess Start(params string[] arguments)
    {
        // Built beside this project (same configuration) through the ProjectReference in the csproj.
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var dll = Path.GetFullPath(
            Path.Combine(
                here,
                "..",
                "..",
                "..",
                "..",
                "KConnector.Worker.TestHost",
                "bin",
                configuration,
                "net10.0",
                "KConnector.Worker.TestHost.dll"
            )
        );
        Assert.True(
            File.Exists(dll),
            $"Build tests/KConnector.Worker.TestHost first: {dll} is missing."
        );
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed or committed.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM: what kill, systemd and Kubernetes send to stop a process cleanly.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(
            "kill",
            ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
        );
        kill.WaitForExit(10_000);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit(); // Drains the redirected output.
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
