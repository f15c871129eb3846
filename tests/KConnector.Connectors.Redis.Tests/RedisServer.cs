using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>
/// A real redis-server for the tests (Debian's redis-server, installed by build.sh): on 127.0.0.1
/// with a free port, a temp --dir and a password (so every test also checks that the password stays
/// hidden), an append-only file synced on every write. <see cref="Stop"/> and <see cref="Start"/> take it down and bring it
/// back on the same port, for outage tests; <see cref="DisposeAsync"/> stops it and deletes its folder.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Path.Combine(
        Path.GetTempPath(),
        "kconnector-redis-" + Guid.NewGuid().ToString("N")[..12]
    );
    private Process? _process;
    private ConnectionMultiplexer? _admin;

    /// <summary>The server's password (a secret no output may show).</summary>
    public string Password { get; } = "s3cret-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>redis.uri with the password in it.</summary>
    public string Uri =>
        $"redis://:{Password}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A database for assertions.</summary>
    public IDatabase Db => _admin!.GetDatabase();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Port = FreePort();
        Start();
        _admin = await ConnectionMultiplexer.ConnectAsync(
            new ConfigurationOptions
            {
                EndPoints = { { "127.0.0.1", Port } },
                Password = Password,
                AbortOnConnectFail = false,
                AllowAdmin = true,
            }
        );
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers.</summary>
    public void Start()
    {
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                "--port",
                Port.ToString(CultureInfo.InvariantCulture),
                "--bind",
                "127.0.0.1",
                "--dir",
                _dir,
                "--requirepass",
                Password,
                "--save",
                "",
                // Every write durable before it is acknowledged: a killed server comes back with
                // all it acknowledged, so an outage test can count what the sink wrote.
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--daemonize",
                "no",
            }
        )
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        while (!Answers())
        {
            if (started.Elapsed > Wait || _process.HasExited)
            {
                throw new InvalidOperationException("redis-server did not start on port " + Port);
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server (as a crash would) and waits for it to be gone.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(Wait);
        }
        _process?.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }
        Stop();
        Directory.Delete(_dir, recursive: true);
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
}
