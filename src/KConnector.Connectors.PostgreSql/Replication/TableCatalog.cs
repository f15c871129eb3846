using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Events;
using Npgsql;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// What the relation messages do not say, read from the catalog: which columns form the primary
/// key (the record key) and which may be null; and the tables a snapshot or a filtered
/// publication covers.
/// </summary>
internal sealed class TableCatalog(PostgresCdcOptions options)
{
    private const string ColumnsSql = """
        SELECT a.attname, a.atttypid, a.atttypmod, a.attnotnull,
               EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey))
        FROM pg_attribute a
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    private const string TablesSql = """
        SELECT c.oid, n.nspname, c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>The captured tables (schema, name, OID) as the include and exclude lists select them.</summary>
    public async Task<List<(uint Oid, string Schema, string Name)>> CapturedTablesAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken
    )
    {
        var tables = new List<(uint, string, string)>();
        var command = new NpgsqlCommand(TablesSql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (schema, name) = (reader.GetString(1), reader.GetString(2));
            if (options.Tables.Captures(schema, name))
            {
                tables.Add((reader.GetFieldValue<uint>(0), schema, name));
            }
        }
        return tables;
    }

    /// <summary>
    /// The table's shape: the columns of <paramref name="relationColumns"/> (name, type OID,
    /// modifier, in the log's order) or, when null, the catalog's current columns.
    /// </summary>
    public async Task<CapturedTable> DescribeAsync(
        NpgsqlConnection connection,
        uint oid,
        string schema,
        string name,
        IReadOnlyList<(string Name, uint TypeOid, int TypeModifier)>? relationColumns,
        CancellationToken cancellationToken
    )
    {
        var catalog =
            new List<(string Name, uint TypeOid, int TypeModifier, bool NotNull, bool Key)>();
        {
            var command = new NpgsqlCommand(ColumnsSql, connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(
                new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid }
            );
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                catalog.Add(
                    (
                        reader.GetString(0),
                        reader.GetFieldValue<uint>(1),
                        reader.GetInt32(2),
                        reader.GetBoolean(3),
                        reader.GetBoolean(4)
                    )
                );
            }
        }
        var shape =
            relationColumns ?? [.. catalog.Select(c => (c.Name, c.TypeOid, c.TypeModifier))];
        var columns = new List<TableColumn>(shape.Count);
        var keys = new List<int>();
        foreach (var (column, index) in shape.Select((c, i) => (c, i)))
        {
            var known = catalog.FirstOrDefault(c => c.Name == column.Name);
            var isKey = known.Name is not null && known.Key;
            if (isKey)
            {
                keys.Add(index);
            }
            columns.Add(
                new TableColumn(
                    column.Name,
                    column.TypeOid,
                    column.TypeModifier,
                    Optional: !isKey && !(known.Name is not null && known.NotNull)
                )
                {
                    Mapping = ColumnMappings.For(
                        column.TypeOid,
                        column.TypeModifier,
                        options.DecimalHandling
                    ),
                }
            );
        }
        if (options.MessageKeyColumns.For(schema, name) is { } keyColumns)
        {
            keys = KeyColumnsOf(schema, name, columns, keyColumns);
        }
        return new CapturedTable(schema, name, columns, keys, options.TopicPrefix);
    }

    // message.key.columns, in the order given; a column the table lacks would make keys that are
    // not what the user asked for, so the task stops naming it.
    private static List<int> KeyColumnsOf(
        string schema,
        string name,
        List<TableColumn> columns,
        IReadOnlyList<string> keyColumns
    )
    {
        var keys = new List<int>(keyColumns.Count);
        foreach (var keyColumn in keyColumns)
        {
            var index = columns.FindIndex(c => c.Name == keyColumn);
            if (index < 0)
            {
                throw new KConnector.Errors.ConnectException(
                    $"PostgreSQL CDC: message.key.columns names column '{keyColumn}' for table {schema}.{name}, which has no such column (it has {string.Join(", ", columns.Select(c => c.Name))})."
                );
            }
            keys.Add(index);
        }
        return keys;
    }
}
