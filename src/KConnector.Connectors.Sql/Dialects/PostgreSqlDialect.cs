using System.Data.Common;
using System.Globalization;
using KConnector.Connectors.Shapes;
using Npgsql;

namespace KConnector.Connectors.Sql.Dialects;

/// <summary>
/// PostgreSQL through Npgsql: positional <c>$n</c> parameters (no SQL rewriting), upsert as
/// <c>INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c</c>, as the JDBC connector's
/// <c>PostgreSqlDatabaseDialect</c>.
/// </summary>
public sealed class PostgreSqlDialect : SqlDialect
{
    /// <inheritdoc />
    public override string Name => "PostgreSqlDatabaseDialect";

    /// <inheritdoc />
    public override DbConnection CreateConnection(string connectionString) =>
        new NpgsqlConnection(connectionString);

    /// <inheritdoc />
    public override string Placeholder(int index) =>
        "$" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string? ParameterName(int index) => null;

    /// <inheritdoc />
    public override string SqlType(FieldType type, bool isKey) =>
        type switch
        {
            FieldType.Boolean => "BOOLEAN",
            FieldType.Int => "INT",
            FieldType.Long => "BIGINT",
            FieldType.Float => "REAL",
            FieldType.Double => "DOUBLE PRECISION",
            FieldType.Bytes => "BYTEA",
            _ => "TEXT",
        };

    /// <summary>
    /// PostgreSQL's own types: NUMERIC(p,s), DATE, TIME, TIMESTAMPTZ for an instant (timestamp-*;
    /// stored as UTC and read back as the same instant whatever the session's time zone), TIMESTAMP
    /// for a local timestamp, UUID.
    /// </summary>
    public override string LogicalSqlType(RecordField field, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Logical switch
        {
            FieldLogicalType.Decimal => Decimal("NUMERIC", field),
            FieldLogicalType.TimestampMillis or FieldLogicalType.TimestampMicros => "TIMESTAMPTZ",
            FieldLogicalType.Uuid => "UUID",
            _ => base.LogicalSqlType(field, isKey),
        };
    }

    /// <inheritdoc />
    public override string TableExistsQuery =>
        "SELECT CASE WHEN to_regclass($1) IS NULL THEN 0 ELSE 1 END";

    /// <inheritdoc />
    public override string TableExistsArgument(string table) => QuoteTable(table);

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
            .Select(c => $"{QuoteIdentifier(c.Name)} = EXCLUDED.{QuoteIdentifier(c.Name)}")
            .ToArray();
        var action =
            updates.Length == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates);
        return new SqlStatement(
            $"INSERT INTO {QuoteTable(table)} ({ColumnList(columns)}) VALUES ({Placeholders(columns.Count)}) ON CONFLICT ({keys}) {action}",
            Enumerable.Range(0, columns.Count).ToArray()
        );
    }
}
