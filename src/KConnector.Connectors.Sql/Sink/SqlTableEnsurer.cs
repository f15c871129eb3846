using System.Data.Common;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Dialects;
using KConnector.Errors;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// Makes sure a destination table can take the layout's columns, as the JDBC sink's
/// <c>DbStructure.createOrAmendIfNecessary</c>: creates it (auto.create), adds missing nullable
/// columns (auto.evolve), or fails naming the table and the missing columns.
/// </summary>
internal static class SqlTableEnsurer
{
    public static async Task<SqlTableState> EnsureAsync(
        SqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        SqlSinkOptions options,
        string table,
        IReadOnlyList<SqlColumn> columns,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        if (
            !await ExistsAsync(dialect, connection, transaction, table, cancellationToken)
                .ConfigureAwait(false)
        )
        {
            if (!options.AutoCreate)
            {
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: table {table} does not exist and auto.create is false; create it or set auto.create=true"
                );
            }
            await ExecuteAsync(
                    connection,
                    transaction,
                    dialect.CreateTable(table, columns),
                    cancellationToken
                )
                .ConfigureAwait(false);
            logger.LogInformation(
                "SQL sink created table {Table} with {Columns} columns",
                table,
                columns.Count
            );
            return Build(dialect, options, table, columns);
        }
        var existing = await ColumnNamesAsync(
                dialect,
                connection,
                transaction,
                table,
                cancellationToken
            )
            .ConfigureAwait(false);
        var actual = new List<SqlColumn>(columns.Count);
        var missing = new List<SqlColumn>();
        foreach (var column in columns)
        {
            // Unquoted identifiers fold case (PostgreSQL: lower), so match a table made by hand case-insensitively.
            var match = existing.FirstOrDefault(e =>
                string.Equals(e, column.Name, StringComparison.OrdinalIgnoreCase)
            );
            if (match is null)
            {
                missing.Add(column);
                actual.Add(column);
            }
            else
            {
                actual.Add(column with { Name = match });
            }
        }
        if (missing.Count > 0)
        {
            if (!options.AutoEvolve)
            {
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: table {table} lacks columns {string.Join(", ", missing.Select(m => m.Name))} and auto.evolve is false"
                );
            }
            foreach (var column in missing)
            {
                if (column.IsKey || (!column.IsNullable && column.Default is null))
                {
                    // JDBC sink: "Cannot ALTER to add missing field ... as it is not optional and does not have a default value".
                    throw new ConnectException(
                        Stage.TASK_PUT,
                        $"SQL sink: cannot add column {column.Name} to table {table}: the field is not optional and has no default (auto.evolve adds only nullable or defaulted columns)"
                    );
                }
                await ExecuteAsync(
                        connection,
                        transaction,
                        dialect.AddColumn(table, column),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                logger.LogInformation(
                    "SQL sink added column {Column} to table {Table}",
                    column.Name,
                    table
                );
            }
        }
        return Build(dialect, options, table, actual);
    }

    private static SqlTableState Build(
        SqlDialect dialect,
        SqlSinkOptions options,
        string table,
        IReadOnlyList<SqlColumn> columns
    ) =>
        new(
            table,
            columns,
            options.InsertMode switch
            {
                InsertMode.Upsert => dialect.Upsert(table, columns),
                InsertMode.Update => dialect.Update(table, columns),
                _ => dialect.Insert(table, columns),
            },
            options.DeleteEnabled ? dialect.Delete(table, columns) : null
        );

    private static async Task<bool> ExistsAsync(
        SqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        string table,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = dialect.TableExistsQuery;
        var parameter = command.CreateParameter();
        parameter.ParameterName = dialect.ParameterName(0) ?? string.Empty;
        parameter.Value = dialect.TableExistsArgument(table);
        command.Parameters.Add(parameter);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<List<string>> ColumnNamesAsync(
        SqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        string table,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {dialect.QuoteTable(table)} WHERE 1 = 0";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var names = new List<string>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            names.Add(reader.GetName(i));
        }
        return names;
    }

    private static async Task ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        CancellationToken cancellationToken
    )
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
