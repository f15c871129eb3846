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
        new MySqlConnector.MySqlConnection(connectionString);

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

    /// <summary>
    /// As Confluent's <c>MySqlDatabaseDialect</c>: DECIMAL(p,s), DATE, TIME(3) and DATETIME(3) (TIME(6)
    /// and DATETIME(6) for microseconds, which MySQL keeps only when asked); MySQL has no time zone
    /// type, so an instant is stored as its UTC date and time; a uuid is its 36 characters.
    /// </summary>
    public override string LogicalSqlType(RecordField field, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Logical switch
        {
            FieldLogicalType.Decimal => Decimal("DECIMAL", field),
            FieldLogicalType.TimeMillis => "TIME(3)",
            FieldLogicalType.TimeMicros => "TIME(6)",
            FieldLogicalType.TimestampMillis or FieldLogicalType.LocalTimestampMillis =>
                "DATETIME(3)",
            FieldLogicalType.TimestampMicros or FieldLogicalType.LocalTimestampMicros =>
                "DATETIME(6)",
            FieldLogicalType.Uuid => "CHAR(36)",
            _ => base.LogicalSqlType(field, isKey),
        };
    }

    /// <summary>An instant goes as its UTC date and time (the DATETIME column has no zone).</summary>
    public override object ToParameter(SqlColumn column, object value) =>
        base.ToParameter(column, value) switch
        {
            DateTimeOffset instant => instant.UtcDateTime,
            Guid uuid => uuid.ToString("D"),
            var other => other,
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
