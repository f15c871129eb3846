using Npgsql;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: initdb into a temp folder, pg_ctl start on 127.0.0.1
/// with a free port (as the postgres user when run as root, since PostgreSQL refuses root), and
/// stop and delete at the end. Debian's binaries live in /usr/lib/postgresql/&lt;major&gt;/bin.
/// Free of xunit so that the benchmark harness can link it; PostgreSqlServer.Lifetime.cs makes it
/// a test fixture.
/// </summary>
public sealed partial class PostgreSqlServer
{
    private string _bin = string.Empty;
    private string _root = string.Empty;
    private string _data = string.Empty;
    private bool _asPostgresUser;

    /// <summary>
    /// The server's wal_level: replica (PostgreSQL's default) or logical, which logical replication
    /// (the CDC source's tests) needs; logical also allows replication slots and WAL senders.
    /// </summary>
    public string WalLevel { get; init; } = "replica";

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The database the tests use.</summary>
    public string Database => "postgres";

    /// <summary>The superuser the tests connect as (trust authentication, 127.0.0.1 only).</summary>
    public string User => "kconnector";

    /// <summary>A connection.url for the SQL connectors.</summary>
    public string JdbcUrl => $"jdbc:postgresql://127.0.0.1:{Port}/{Database}";

    /// <summary>An Npgsql connection string for assertions.</summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database={Database};Username={User};Pooling=false";

    /// <summary>Creates the cluster and starts the server.</summary>
    public async Task StartAsync()
    {
        _bin = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        _root = ServerProcess.TempFolder("kconnector-pg-");
        _data = Path.Combine(_root, "data");
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);
        }
        await RunAsync(
            Path.Combine(_bin, "initdb"),
            ["-D", _data, "-U", User, "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"],
            _asPostgresUser
        );
        Port = ServerProcess.FreePort();
        var options =
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level={WalLevel} -c max_wal_senders=10 -c max_replication_slots=10";
        await RunAsync(
            Path.Combine(_bin, "pg_ctl"),
            [
                "-D",
                _data,
                "-o",
                options,
                "-l",
                Path.Combine(_root, "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            _asPostgresUser
        );
    }

    /// <summary>Stops the server and deletes its files.</summary>
    public async Task StopAsync()
    {
        if (_data.Length > 0 && Directory.Exists(_data))
        {
            try
            {
                await RunAsync(
                    Path.Combine(_bin, "pg_ctl"),
                    ["-D", _data, "-m", "fast", "-w", "-t", "30", "stop"],
                    _asPostgresUser
                );
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    /// <summary>Runs SQL and returns the first column of the first row.</summary>
    public Task<object?> ScalarAsync(string sql) =>
        SqlQueries.ScalarAsync(new NpgsqlConnection(ConnectionString), sql);

    /// <summary>Runs SQL and returns every row as an array of values.</summary>
    public Task<List<object?[]>> QueryAsync(string sql) =>
        SqlQueries.QueryAsync(new NpgsqlConnection(ConnectionString), sql);

    /// <summary>Runs a statement.</summary>
    public Task ExecuteAsync(string sql) =>
        SqlQueries.ExecuteAsync(new NpgsqlConnection(ConnectionString), sql);

    private static string FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debian)
            ? Directory
                .GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => System.IO.File.Exists(Path.Combine(b, "initdb")))
                .OrderDescending()
                .ToArray()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/<major>/bin: run ./build.sh test (it installs the Debian package 'postgresql')"
            );
    }

    private static Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres) =>
        ServerProcess.RunAsync(file, arguments, asPostgres ? "postgres" : null);
}
