using System.Diagnostics;

namespace KConnector.Interop.Tests;

/// <summary>Runs node and npm with a deadline, failing with their output when they fail.</summary>
public static class NodeProcess
{
    /// <summary>The full path of <paramref name="tool"/> on PATH; Node is required, so a missing one fails the test run.</summary>
    public static string Find(string tool)
    {
        foreach (
            var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        )
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"'{tool}' is not on PATH. The interop tests need Node.js 18+ and npm (Debian: apt-get install nodejs npm); they are not skipped."
        );
    }

    /// <summary>Runs <paramref name="tool"/> in <paramref name="workingDirectory"/> and returns its stdout.</summary>
    public static async Task<string> RunAsync(
        string tool,
        string arguments,
        string workingDirectory,
        TimeSpan deadline
    )
    {
        var start = new ProcessStartInfo(Find(tool), arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process =
            Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{tool} {arguments}' did not finish within {deadline}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{tool} {arguments}' exited with {process.ExitCode}:\n{await stdout}\n{await stderr}"
            );
        }
        return await stdout;
    }
}
