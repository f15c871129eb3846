using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Errors;
using Npgsql;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// Makes sure the publication pgoutput streams exists, as publication.autocreate.mode says
/// (Debezium's <c>PostgresReplicationConnection.initPublication</c>): all_tables creates it FOR ALL
/// TABLES when missing, filtered creates it for (or sets it to) the captured tables, disabled
/// requires it.
/// </summary>
internal static class PublicationSetup
{
    public static async Task EnsureAsync(
        NpgsqlConnection connection,
        PostgresCdcOptions options,
        TableCatalog catalog,
        CancellationToken cancellationToken
    )
    {
        bool exists;
        {
            var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_publication WHERE pubname = $1",
                connection
            );
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter { Value = options.PublicationName });
            exists =
                (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
                > 0;
        }
        var name = Quote(options.PublicationName);
        switch (options.PublicationAutocreate)
        {
            case PublicationAutocreateMode.Disabled when !exists:
                throw new ConnectException(
                    $"PostgreSQL CDC: the publication '{options.PublicationName}' (publication.name) does not exist and publication.autocreate.mode is disabled: "
                        + $"create it (CREATE PUBLICATION {name} FOR TABLE ...) or set publication.autocreate.mode to all_tables or filtered."
                );
            case PublicationAutocreateMode.AllTables when !exists:
                await ExecuteAsync(
                        connection,
                        $"CREATE PUBLICATION {name} FOR ALL TABLES",
                        options,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                break;
            case PublicationAutocreateMode.Filtered:
                var tables = await catalog
                    .CapturedTablesAsync(connection, cancellationToken)
                    .ConfigureAwait(false);
                if (tables.Count == 0)
                {
                    throw new ConnectException(
                        "PostgreSQL CDC: table.include.list and table.exclude.list select no table, so a filtered publication would be empty."
                    );
                }
                var list = string.Join(
                    ", ",
                    tables.Select(t => Quote(t.Schema) + "." + Quote(t.Name))
                );
                var sql = exists
                    ? $"ALTER PUBLICATION {name} SET TABLE {list}"
                    : $"CREATE PUBLICATION {name} FOR TABLE {list}";
                await ExecuteAsync(connection, sql, options, cancellationToken)
                    .ConfigureAwait(false);
                break;
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        PostgresCdcOptions options,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var command = new NpgsqlCommand(sql, connection);
            await using var commandScope = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new ConnectException(
                $"PostgreSQL CDC: creating the publication '{options.PublicationName}' failed ({e.MessageText}); "
                    + "FOR ALL TABLES needs a superuser, a table list needs the tables' owner: create it yourself and set publication.autocreate.mode=disabled.",
                e
            );
        }
    }

    /// <summary>A quoted identifier.</summary>
    public static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
