using System.Data.Common;
using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.Sql.Dialects;

/// <summary>
/// MySQL / MariaDB SQL text: backtick quoting, <c>?</c> parameters, upsert as
/// <c>INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)</c> and bounded key types (VARCHAR(256),
/// VARBINARY(1024)), as the JDBC connector's <c>MySqlDatabaseDialect</c>. No ADO.NET MySQL
/// provider restores in this project's environment, so <see cref="CreateConnection"/> fails with
/// a clear message: the SQL is unit-tested but not yet verified against a server.
/// </summary>
public sealed class MySqlDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "MySqlDatabaseDialect";

    /// <inheritdoc />
    public override DbConnection CreateConnection(string connectionString) =>
        throw new NotSupportedException(
            "connection.url: MySQL needs an ADO.NET MySQL provider (MySqlConnector), which this build does not include yet"
        );

    /// <inheritdoc />
    public override string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <inheritdoc />
    public override string Placeholder(int index) => "?";

    /// <inheritdoc />
    public override string? ParameterName(int index) => null;

    /// <inheritdoc />
    public override string SqlType(FieldType type, bool isKey) =>
        type switch
        {
            FieldType.Boolean => "TINYINT",
            FieldType.Int => "INT",
            FieldType.Long => "BIGINT",
            FieldType.Float => "FLOAT",
            FieldType.Double => "DOUBLE",
            FieldType.Bytes => isKey ? "VARBINARY(1024)" : "BLOB",
            _ => isKey ? "VARCHAR(256)" : "TEXT",
        };

    /// <inheritdoc />
    public override string TableExistsQuery =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?";

    /// <inheritdoc />
    public override SqlStatement Upsert(string table, IReadOnlyList<SqlColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var updates = columns
            .Where(c => !c.IsKey)
            .Select(c => $"{QuoteIdentifier(c.Name)} = VALUES({QuoteIdentifier(c.Name)})")
            .ToArray();
        // With no non-key column, MySQL has no DO NOTHING: re-assigning a key column to itself is the idiom.
        var key = columns.First(c => c.IsKey);
        var action =
            updates.Length == 0
                ? $"{QuoteIdentifier(key.Name)} = {QuoteIdentifier(key.Name)}"
                : string.Join(", ", updates);
        return new SqlStatement(
            $"INSERT INTO {QuoteTable(table)} ({ColumnList(columns)}) VALUES ({Placeholders(columns.Count)}) ON DUPLICATE KEY UPDATE {action}",
            Enumerable.Range(0, columns.Count).ToArray()
        );
    }
}
