using KConnector.Errors;
using Npgsql;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// What the server must offer before a slot can stream, each refusal saying what to change:
/// wal_level=logical and a role with REPLICATION (or a superuser), as Debezium's
/// PostgreSQL connector documents its "Setting up PostgreSQL" steps.
/// </summary>
internal static class ServerPreflight
{
    public static async Task CheckAsync(
        NpgsqlConnection connection,
        string server,
        string user,
        CancellationToken cancellationToken
    )
    {
        {
            var command = new NpgsqlCommand("SHOW wal_level", connection);
            await using var commandScope = command.ConfigureAwait(false);
            var level = (string?)
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(level, "logical", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConnectException(
                    $"PostgreSQL CDC: the server {server} has wal_level={level}; logical replication needs wal_level=logical. "
                        + "Set wal_level = logical in postgresql.conf (or run ALTER SYSTEM SET wal_level = logical) and restart the server."
                );
            }
        }
        {
            var command = new NpgsqlCommand(
                "SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user",
                connection
            );
            await using var commandScope = command.ConfigureAwait(false);
            var canReplicate =
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
            if (!canReplicate)
            {
                throw new ConnectException(
                    $"PostgreSQL CDC: the role '{user}' (database.user) on {server} may not stream changes: it needs the REPLICATION attribute. "
                        + $"Run ALTER ROLE \"{user}\" WITH REPLICATION as a superuser."
                );
            }
        }
    }
}
