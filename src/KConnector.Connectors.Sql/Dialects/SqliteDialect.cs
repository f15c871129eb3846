using System.Data.Common;
using System.Globalization;
using KConnector.Connectors.Shapes;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Dialects;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: named <c>@pN</c> parameters, SQLite's type affinities
/// (INTEGER, REAL, TEXT, BLOB, as the JDBC connector's <c>SqliteDatabaseDialect</c>), upsert as
/// <c>INSERT ... ON CONFLICT (key) DO UPDATE SET c = excluded.c</c> (SQLite 3.24+).
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "SqliteDatabaseDialect";

    /// <inheritdoc />
    public override DbConnection CreateConnection(string connectionString) =>
        new SqliteConnection(connectionString);

    /// <inheritdoc />
    public override string Placeholder(int index) =>
        "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string? ParameterName(int index) => Placeholder(index);

    /// <inheritdoc />
    public override string SqlType(FieldType type, bool isKey) =>
        type switch
        {
            FieldType.Boolean or FieldType.Int or FieldType.Long => "INTEGER",
            FieldType.Float or FieldType.Double => "REAL",
            FieldType.Bytes => "BLOB",
            _ => "TEXT",
        };

    /// <summary>
    /// SQLite has no such types: the names (NUMERIC affinity, as Confluent's <c>SqliteDatabaseDialect</c>)
    /// say what the column holds; dates, times and timestamps are stored as ISO 8601 text, a uuid as text.
    /// </summary>
    public override string LogicalSqlType(RecordField field, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Logical switch
        {
            FieldLogicalType.Decimal => "NUMERIC",
            FieldLogicalType.Uuid => "TEXT",
            _ => base.LogicalSqlType(field, isKey),
        };
    }

    /// <summary>A uuid stays text (the driver would bind a <see cref="Guid"/> as a 16-byte blob).</summary>
    public override object ToParameter(SqlColumn column, object value) =>
        column is { Field.Logical: FieldLogicalType.Uuid }
            ? value
            : base.ToParameter(column, value);

    /// <inheritdoc />
    public override string TableExistsQuery =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @p0";

    /// <summary>
    /// SQLite has no SQLSTATE: its result codes SQLITE_CONSTRAINT (19, any constraint), SQLITE_MISMATCH
    /// (20, a value of the wrong type for a STRICT or INTEGER PRIMARY KEY column) and SQLITE_TOOBIG
    /// (18) are the row's fault.
    /// </summary>
    public override bool IsRecordFault(DbException error) =>
        error is SqliteException { SqliteErrorCode: 18 or 19 or 20 };

    /// <inheritdoc />
    public override SqlStatement Upsert(string table, IReadOnlyList<SqlColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var keys = string.Join(
            ", ",
            columns.Where(c => c.IsKey).Select(c => QuoteIdentifier(c.Name))
        );
        var updates = columns
            .Where(c => !c.IsKey)
            .Select(c => $"{QuoteIdentifier(c.Name)} = excluded.{QuoteIdentifier(c.Name)}")
            .ToArray();
        var action =
            updates.Length == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates);
        return new SqlStatement(
            $"INSERT INTO {QuoteTable(table)} ({ColumnList(columns)}) VALUES ({Placeholders(columns.Count)}) ON CONFLICT ({keys}) {action}",
            Enumerable.Range(0, columns.Count).ToArray()
        );
    }
}
