using System.Diagnostics;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>KConnector.Connectors.Redis.TestHost (the stream source's spec worker) as a real child process.</summary>
internal sealed class SourceWorkerProcess : IDisposable
{
    private readonly Process _process;

    private SourceWorkerProcess(Process process) => _process = process;

    public static SourceWorkerProcess Start(
        string bootstrapServers,
        string redisUri,
        string offsets
    )
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
                "KConnector.Connectors.Redis.TestHost",
                "bin",
                configuration,
                "net10.0",
                "KConnector.Connectors.Redis.TestHost.dll"
            )
        );
        Assert.True(
            File.Exists(dll),
            $"Build tests/KConnector.Connectors.Redis.TestHost first: {dll} is missing."
        );
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, bootstrapServers, redisUri, offsets })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SourceWorkerProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
