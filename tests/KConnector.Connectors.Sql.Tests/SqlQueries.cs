using System.Data.Common;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// The statements a test runs against its real server, over ADO.NET's common types, so that the
/// PostgreSQL and MariaDB servers share one way to ask for a value, rows, or run a statement. Each
/// call opens its own connection (and disposes it), as a test asks rarely.
/// </summary>
internal static class SqlQueries
{
    /// <summary>The first column of the first row.</summary>
    public static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await using var command = await CommandAsync(connection, sql);
            return await command.ExecuteScalarAsync();
        }
    }

    /// <summary>Every row as an array of values (a SQL NULL as null).</summary>
    public static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await using var command = await CommandAsync(connection, sql);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            return rows;
        }
    }

    /// <summary>Runs a statement.</summary>
    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await using var command = await CommandAsync(connection, sql);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<DbCommand> CommandAsync(DbConnection connection, string sql)
    {
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
