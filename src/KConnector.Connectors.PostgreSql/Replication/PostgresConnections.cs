using KConnector.Connectors.PostgreSql.Configuration;
using Npgsql;
using Npgsql.Replication;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// Opens the connections the connector needs: a plain one (the catalog, the publication, the
/// snapshot) and the replication one. Both sessions run in UTC with ISO dates and hex bytea, so
/// the text the log and the snapshot give for a value is the same. <see cref="Describe"/> names
/// the server for errors without the password.
/// </summary>
internal sealed class PostgresConnections(PostgresCdcOptions options)
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder
    {
        Host = options.Hostname,
        Port = options.Port,
        Username = options.User,
        Password = options.Password?.Value is { Length: > 0 } password ? password : null,
        Database = options.Database,
        Timezone = "UTC",
        Options = "-c DateStyle=ISO,MDY -c bytea_output=hex -c extra_float_digits=1",
        Pooling = false,
        ApplicationName = "kconnector-" + options.Name,
    }.ConnectionString;

    /// <summary>user@host:port/database, for messages (never the password).</summary>
    public string Describe { get; } =
        $"{options.User}@{options.Hostname}:{options.Port}/{options.Database}";

    /// <summary>Opens a plain connection.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a logical replication connection.</summary>
    public async Task<LogicalReplicationConnection> OpenReplicationAsync(
        CancellationToken cancellationToken
    )
    {
        var connection = new LogicalReplicationConnection(_connectionString);
        try
        {
            await connection.Open(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
