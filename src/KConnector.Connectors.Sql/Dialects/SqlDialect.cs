using System.Data.Common;
using System.Text;
using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.Sql.Dialects;

/// <summary>
/// What differs between databases: quoting, parameter placeholders, type names, upsert syntax,
/// table lookup. Modelled on the Confluent JDBC connector's <c>DatabaseDialect</c>; identifiers
/// are always quoted, as its default <c>quote.sql.identifiers=always</c>.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The dialect's name, as the JDBC connector's <c>dialect.name</c> (e.g. PostgreSqlDatabaseDialect).</summary>
    public abstract string Name { get; }

    /// <summary>Opens no connection: creates one for <paramref name="connectionString"/>.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Quotes one identifier.</summary>
    public virtual string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes a possibly schema-qualified table name (<c>schema.table</c>).</summary>
    public string QuoteTable(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Join('.', table.Split('.').Select(QuoteIdentifier));
    }

    /// <summary>The placeholder of parameter <paramref name="index"/> (0-based) in SQL text.</summary>
    public abstract string Placeholder(int index);

    /// <summary>The name to give parameter <paramref name="index"/>, or null for positional parameters.</summary>
    public abstract string? ParameterName(int index);

    /// <summary>The column type for a field (keys may need a bounded type, as MySQL's VARCHAR(256)).</summary>
    public abstract string SqlType(FieldType type, bool isKey);

    /// <summary>
    /// Whether <paramref name="error"/> is the database refusing a row for its own content, so that
    /// the record goes to the dead-letter queue rather than failing the task: SQLSTATE class 22
    /// (data exception: a value out of range, too long, of the wrong form) or 23 (integrity
    /// constraint violation: CHECK, NOT NULL, UNIQUE, FOREIGN KEY), as the SQL standard defines them.
    /// </summary>
    /// <param name="error">What the driver threw.</param>
    public virtual bool IsRecordFault(System.Data.Common.DbException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.SqlState is { Length: 5 } state
            && (
                state.StartsWith("22", StringComparison.Ordinal)
                || state.StartsWith("23", StringComparison.Ordinal)
            );
    }

    /// <summary>A query with one parameter (the table name) returning a positive count if the table exists.</summary>
    public abstract string TableExistsQuery { get; }

    /// <summary>The parameter value <see cref="TableExistsQuery"/> takes for <paramref name="table"/>.</summary>
    public virtual string TableExistsArgument(string table) => table;

    /// <summary>Appends a row limit to a SELECT, where the dialect supports one.</summary>
    public virtual string Limit(string select, int rows) =>
        select + " LIMIT " + rows.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>CREATE TABLE</c> with the key columns as the primary key.</summary>
    public string CreateTable(string table, IReadOnlyList<SqlColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var sql = new StringBuilder("CREATE TABLE ").Append(QuoteTable(table)).Append(" (");
        sql.AppendJoin(", ", columns.Select(ColumnDefinition));
        var keys = columns.Where(c => c.IsKey).ToArray();
        if (keys.Length > 0)
        {
            sql.Append(", PRIMARY KEY(")
                .AppendJoin(", ", keys.Select(k => QuoteIdentifier(k.Name)))
                .Append(')');
        }
        return sql.Append(')').ToString();
    }

    /// <summary><c>ALTER TABLE ... ADD</c> one nullable column (what auto.evolve does).</summary>
    public virtual string AddColumn(string table, SqlColumn column) =>
        $"ALTER TABLE {QuoteTable(table)} ADD {ColumnDefinition(column)}";

    /// <summary><c>INSERT</c> of every column.</summary>
    public SqlStatement Insert(string table, IReadOnlyList<SqlColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new SqlStatement(
            $"INSERT INTO {QuoteTable(table)} ({ColumnList(columns)}) VALUES ({Placeholders(columns.Count)})",
            Enumerable.Range(0, columns.Count).ToArray()
        );
    }

    /// <summary>Insert, or update the non-key columns when a row with the same key exists.</summary>
    public abstract SqlStatement Upsert(string table, IReadOnlyList<SqlColumn> columns);

    /// <summary><c>UPDATE</c> the non-key columns of the row with the record's key.</summary>
    public SqlStatement Update(string table, IReadOnlyList<SqlColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var order = new List<int>();
        var sql = new StringBuilder("UPDATE ").Append(QuoteTable(table)).Append(" SET ");
        var first = true;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].IsKey)
            {
                continue;
            }
            sql.Append(first ? string.Empty : ", ")
                .Append(QuoteIdentifier(columns[i].Name))
                .Append(" = ")
                .Append(Placeholder(order.Count));
            order.Add(i);
            first = false;
        }
        AppendKeyPredicate(sql, columns, order);
        return new SqlStatement(sql.ToString(), order);
    }

    /// <summary><c>DELETE</c> the row with the record's key (a tombstone with delete.enabled).</summary>
    public SqlStatement Delete(string table, IReadOnlyList<SqlColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var order = new List<int>();
        var sql = new StringBuilder("DELETE FROM ").Append(QuoteTable(table));
        AppendKeyPredicate(sql, columns, order);
        return new SqlStatement(sql.ToString(), order);
    }

    /// <summary>The column list of an INSERT.</summary>
    protected string ColumnList(IReadOnlyList<SqlColumn> columns) =>
        string.Join(", ", columns.Select(c => QuoteIdentifier(c.Name)));

    /// <summary>The column type of <paramref name="column"/>: its logical type's, else its primitive's.</summary>
    public string ColumnType(SqlColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Field is { Logical: not FieldLogicalType.None } field
            ? LogicalSqlType(field, column.IsKey)
            : SqlType(column.Type, column.IsKey);
    }

    /// <summary>
    /// The column type of a field with a logical type, as the JDBC sink's dialects map Kafka Connect's
    /// logical schemas (<c>GenericDatabaseDialect.getSqlType</c>): Decimal -> DECIMAL(p,s), Date ->
    /// DATE, Time -> TIME, Timestamp -> TIMESTAMP; a uuid is text unless the dialect has a type.
    /// </summary>
    /// <param name="field">The field; its <see cref="RecordField.Logical"/> is not None.</param>
    /// <param name="isKey">Whether the column is part of the primary key.</param>
    public virtual string LogicalSqlType(RecordField field, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Logical switch
        {
            FieldLogicalType.Decimal => Decimal("DECIMAL", field),
            FieldLogicalType.Date => "DATE",
            FieldLogicalType.TimeMillis or FieldLogicalType.TimeMicros => "TIME",
            FieldLogicalType.Uuid => SqlType(FieldType.String, isKey),
            _ => "TIMESTAMP",
        };
    }

    /// <summary>
    /// The value bound for <paramref name="column"/>: a logical type's .NET value
    /// (<see cref="LogicalValues.ToClr"/>), which the driver sends as the column's type.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The field's Avro value, not null.</param>
    public virtual object ToParameter(SqlColumn column, object value)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Field is { Logical: not FieldLogicalType.None } field
            ? LogicalValues.ToClr(field, value)
            : value;
    }

    /// <summary>
    /// <paramref name="name"/>(precision,scale); a decimal without a precision gets 38, the widest
    /// the dialects share.
    /// </summary>
    protected static string Decimal(string name, RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var precision = field.Precision > 0 ? field.Precision : 38;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{name}({precision},{field.Scale})"
        );
    }

    /// <summary>Placeholders 0..count-1, comma separated.</summary>
    protected string Placeholders(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(Placeholder));

    private string ColumnDefinition(SqlColumn column) =>
        $"{QuoteIdentifier(column.Name)} {ColumnType(column)} {(column.IsNullable && !column.IsKey ? "NULL" : "NOT NULL")}{DefaultClause(column)}";

    /// <summary>
    /// " DEFAULT literal" for a column whose field has a schema default (the JDBC sink writes one
    /// too); bytes defaults are left out (their literal syntax differs per database).
    /// </summary>
    private static string DefaultClause(SqlColumn column) =>
        // A logical field's default is its Avro value (days, microseconds, unscaled bytes): not a
        // SQL literal of the column's type, so such columns get none.
        column.Field
            is { Logical: not FieldLogicalType.None }
            ? string.Empty
            : column.Default switch
            {
                null or byte[] => string.Empty,
                bool b => b ? " DEFAULT TRUE" : " DEFAULT FALSE",
                string s => " DEFAULT '" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
                float f when float.IsFinite(f) => " DEFAULT "
                    + f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                double d when double.IsFinite(d) => " DEFAULT "
                    + d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                int or long => " DEFAULT "
                    + Convert.ToString(
                        column.Default,
                        System.Globalization.CultureInfo.InvariantCulture
                    ),
                _ => string.Empty,
            };

    private void AppendKeyPredicate(
        StringBuilder sql,
        IReadOnlyList<SqlColumn> columns,
        List<int> order
    )
    {
        sql.Append(" WHERE ");
        var first = true;
        for (var i = 0; i < columns.Count; i++)
        {
            if (!columns[i].IsKey)
            {
                continue;
            }
            sql.Append(first ? string.Empty : " AND ")
                .Append(QuoteIdentifier(columns[i].Name))
                .Append(" = ")
                .Append(Placeholder(order.Count));
            order.Add(i);
            first = false;
        }
    }
}
