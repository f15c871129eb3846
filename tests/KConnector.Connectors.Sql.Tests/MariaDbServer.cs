using System.Diagnostics;
using MySqlConnector;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// A real MariaDB server for the tests: mariadb-install-db into a temp folder, mariadbd on 127.0.0.1
/// with a free port (with --user=root when run as root, since mariadbd refuses root otherwise), a
/// test user created by an init file, and stop (SIGTERM, then kill after 30 s) and delete at the
/// end. Debian's package is mariadb-server. Free of xunit so that the benchmark harness can link it;
/// MariaDbServer.Lifetime.cs makes it a test fixture.
/// </summary>
public sealed partial class MariaDbServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private string _root = string.Empty;
    private Process? _server;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The database the tests use.</summary>
    public string Database => "kconnector";

    /// <summary>The user the tests connect as (all privileges, from 127.0.0.1 only).</summary>
    public string User => "kconnector";

    /// <summary>The test user's password.</summary>
    public string Password => "kconnector-test";

    /// <summary>A connection.url for the SQL connectors, as MySQL's JDBC driver spells it.</summary>
    public string JdbcUrl => $"jdbc:mysql://127.0.0.1:{Port}/{Database}";

    /// <summary>The same server as MariaDB's own JDBC driver spells it.</summary>
    public string MariaDbJdbcUrl => $"jdbc:mariadb://127.0.0.1:{Port}/{Database}";

    /// <summary>A MySqlConnector connection string for assertions.</summary>
    public string ConnectionString =>
        $"Server=127.0.0.1;Port={Port};Database={Database};User ID={User};Password={Password};Pooling=false";

    /// <summary>Creates the data folder and starts the server; returns once it takes connections.</summary>
    public async Task StartAsync()
    {
        _root = ServerProcess.TempFolder("kconnector-maria-");
        var data = Path.Combine(_root, "data");
        var asRoot = Environment.UserName == "root";
        string[] user = asRoot ? ["--user=root"] : [];
        await ServerProcess.RunAsync(
            "mariadb-install-db",
            [
                "--no-defaults",
                $"--datadir={data}",
                "--auth-root-authentication-method=socket",
                "--skip-test-db",
                .. user,
            ]
        );
        var init = Path.Combine(_root, "init.sql");
        await System.IO.File.WriteAllTextAsync(
            init,
            $"""
            CREATE DATABASE IF NOT EXISTS `{Database}`;
            CREATE USER IF NOT EXISTS '{User}'@'127.0.0.1' IDENTIFIED BY '{Password}';
            GRANT ALL PRIVILEGES ON *.* TO '{User}'@'127.0.0.1';
            """
        );
        Port = ServerProcess.FreePort();
        var start = new ProcessStartInfo { FileName = FindServer(), UseShellExecute = false };
        string[] arguments =
        [
            "--no-defaults",
            $"--datadir={data}",
            $"--port={Port}",
            "--bind-address=127.0.0.1",
            "--skip-name-resolve",
            $"--socket={Path.Combine(_root, "mariadb.sock")}",
            $"--pid-file={Path.Combine(_root, "mariadb.pid")}",
            $"--log-error={Path.Combine(_root, "error.log")}",
            $"--init-file={init}",
            // A test server: durability is not what is measured, speed is welcome.
            "--innodb-flush-log-at-trx-commit=0",
            "--innodb-doublewrite=0",
            "--innodb-buffer-pool-size=64M",
            "--skip-log-bin",
            .. user,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        _server =
            Process.Start(start) ?? throw new InvalidOperationException("cannot start mariadbd");
        await WaitUntilReadyAsync();
    }

    /// <summary>Stops the server and deletes its files.</summary>
    public async Task StopAsync()
    {
        MySqlConnection.ClearAllPools();
        if (_server is { HasExited: false } server)
        {
            // SIGTERM: a clean shutdown; killed if it has not ended after 30 s.
            await ServerProcess.RunAsync(
                "kill",
                ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            );
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        _server?.Dispose();
        if (_root.Length > 0 && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Runs SQL and returns the first column of the first row.</summary>
    public Task<object?> ScalarAsync(string sql) =>
        SqlQueries.ScalarAsync(new MySqlConnection(ConnectionString), sql);

    /// <summary>Runs SQL and returns every row as an array of values.</summary>
    public Task<List<object?[]>> QueryAsync(string sql) =>
        SqlQueries.QueryAsync(new MySqlConnection(ConnectionString), sql);

    /// <summary>Runs a statement.</summary>
    public Task ExecuteAsync(string sql) =>
        SqlQueries.ExecuteAsync(new MySqlConnection(ConnectionString), sql);

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await ScalarAsync("SELECT 1");
                return;
            }
            catch (MySqlException) when (clock.Elapsed < StartTimeout && !_server!.HasExited)
            {
                await Task.Delay(200);
            }
            catch (MySqlException e)
            {
                var log = Path.Combine(_root, "error.log");
                throw new InvalidOperationException(
                    $"mariadbd did not take connections on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s: {e.Message}\n{(System.IO.File.Exists(log) ? await System.IO.File.ReadAllTextAsync(log) : string.Empty)}",
                    e
                );
            }
        }
    }

    private static string FindServer() =>
        new[] { "/usr/sbin/mariadbd", "/usr/sbin/mysqld" }.FirstOrDefault(System.IO.File.Exists)
        ?? throw new InvalidOperationException(
            "MariaDB server binaries not found (/usr/sbin/mariadbd): run ./build.sh test (it installs the Debian package 'mariadb-server')"
        );
}
