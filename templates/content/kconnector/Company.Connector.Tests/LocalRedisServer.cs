using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Company.Connector.Tests;

/// <summary>
/// A real redis-server for the tests (it must be on the PATH: Debian/Ubuntu's redis-server
/// package): on 127.0.0.1 with a free port and a temporary folder, nothing saved to disk.
/// Disposing it stops the server and deletes the folder.
/// </summary>
public sealed class LocalRedisServer : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory
        .CreateTempSubdirectory("company-connector-redis-")
        .FullName;
    private readonly Process _process;

    private LocalRedisServer()
    {
        Port = FreePort();
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--port",
            Port.ToString(CultureInfo.InvariantCulture),
            "--bind",
            "127.0.0.1",
            "--dir",
            _directory,
            "--save",
            "",
            "--appendonly",
            "no",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            _process =
                Process.Start(info)
                ?? throw new InvalidOperationException("redis-server could not be started");
        }
        catch (Win32Exception e)
        {
            Directory.Delete(_directory, recursive: true);
            throw new InvalidOperationException(
                "redis-server is not on the PATH: these tests start a Redis of their own; install it "
                    + "(Debian/Ubuntu: apt install redis-server; macOS: brew install redis)",
                e
            );
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The server's <c>redis.uri</c>.</summary>
    public string Uri => "redis://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts a server and waits (at most 30 s) until it accepts connections.</summary>
    public static LocalRedisServer Start()
    {
        var server = new LocalRedisServer();
        var started = Stopwatch.StartNew();
        while (!server.Answers())
        {
            if (started.Elapsed > StartDeadline || server._process.HasExited)
            {
                server.Dispose();
                throw new InvalidOperationException(
                    "redis-server did not start on 127.0.0.1:" + server.Port
                );
            }
            Thread.Sleep(50);
        }
        return server;
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(StartDeadline);
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
