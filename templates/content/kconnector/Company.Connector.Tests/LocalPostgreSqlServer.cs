using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Company.Connector.Tests;

/// <summary>
/// A real PostgreSQL server for the tests, with what the CDC source needs (wal_level=logical): a
/// cluster made by initdb in a temporary folder, started on 127.0.0.1 with a free port, its
/// superuser the spec's <c>database.user</c> (trust authentication, this machine only). initdb and
/// pg_ctl come from the PATH or Debian/Ubuntu's /usr/lib/postgresql/&lt;major&gt;/bin (the
/// postgresql package); as root they run as the postgres user, since PostgreSQL refuses root.
/// Disposing it stops the server and deletes the folder.
/// </summary>
public sealed class LocalPostgreSqlServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);
    private readonly string _root = Directory
        .CreateTempSubdirectory("company-connector-pg-")
        .FullName;
    private readonly string _bin;
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private bool _started;

    private LocalPostgreSqlServer(string bin, string user)
    {
        _bin = bin;
        User = user;
        Port = FreePort();
    }

    /// <summary>The port it listens on: the test's <c>database.port</c>.</summary>
    public int Port { get; }

    /// <summary>The superuser (it has the REPLICATION attribute logical replication needs).</summary>
    public string User { get; }

    private string Data => Path.Combine(_root, "data");

    /// <summary>
    /// Creates the cluster with <paramref name="user"/> as its superuser, starts it with
    /// wal_level=logical and creates <paramref name="database"/>.
    /// </summary>
    public static async Task<LocalPostgreSqlServer> StartAsync(string user, string database)
    {
        var server = new LocalPostgreSqlServer(FindBinaries(), user);
        try
        {
            await server.InitializeAsync();
            await server.ExecuteAsync("postgres", $"CREATE DATABASE \"{database}\"");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);
        }
        await RunAsync(
            Path.Combine(_bin, "initdb"),
            ["-D", Data, "-U", User, "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]
        );
        var port = Port.ToString(CultureInfo.InvariantCulture);
        var options =
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c wal_level=logical -c fsync=off";
        string[] start =
        [
            "-D",
            Data,
            "-o",
            options,
            "-l",
            Path.Combine(_root, "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        ];
        await RunAsync(Path.Combine(_bin, "pg_ctl"), start);
        _started = true;
    }

    /// <summary>An Npgsql connection string to <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={User};Pooling=false";

    /// <summary>Runs SQL statements in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(d => File.Exists(Path.Combine(d, "initdb")));
        const string debian = "/usr/lib/postgresql";
        var packaged = Directory.Exists(debian)
            ? Directory
                .GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderDescending()
            : Enumerable.Empty<string>();
        return onPath.Concat(packaged).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL's initdb is not on the PATH nor under /usr/lib/postgresql/<major>/bin: these tests start a PostgreSQL of their own; install it "
                    + "(Debian/Ubuntu: apt install postgresql; macOS: brew install postgresql)"
            );
    }

    private Task RunAsync(string file, IReadOnlyList<string> arguments) =>
        RunAsync(file, arguments, _asPostgresUser);

    private static async Task RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        bool asPostgres
    )
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process =
                Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("cannot start " + info.FileName, e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(CommandDeadline);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} did not finish within {CommandDeadline}");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{Path.GetFileName(file)} exited with {process.ExitCode}: {await errors}{await output}"
                );
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
            {
                await RunAsync(
                    Path.Combine(_bin, "pg_ctl"),
                    ["-D", Data, "-m", "fast", "-w", "-t", "30", "stop"]
                );
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }
}
