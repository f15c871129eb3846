using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// What the database servers the tests start share: a free port on 127.0.0.1, a command run to its
/// end within a timeout (optionally as another user, since PostgreSQL refuses root), a temp folder.
/// Free of xunit so that the benchmark harness can link it.
/// </summary>
internal static class ServerProcess
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A port no one listens on now (the OS picks it; 127.0.0.1 only).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A new folder under the temp folder named <paramref name="prefix"/> and a random suffix.</summary>
    public static string TempFolder(string prefix)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return root;
    }

    /// <summary>
    /// Runs <paramref name="file"/> to its end (as <paramref name="user"/> through runuser when
    /// given), failing with its output when it exits non-zero or runs past a minute.
    /// </summary>
    public static async Task RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string? user = null
    )
    {
        var start = new ProcessStartInfo
        {
            FileName = user is null ? file : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null)
        {
            foreach (var a in new[] { "-u", user, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process =
            Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{file} did not finish within {CommandTimeout.TotalSeconds} s"
            );
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}"
            );
        }
    }
}
