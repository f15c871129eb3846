using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.Sql.Dialects;

/// <summary>A table column the sink writes: its name, the field type it holds, and its role.</summary>
/// <param name="Name">The column name (the field name, as the JDBC sink uses it).</param>
/// <param name="Type">The field type the column holds.</param>
/// <param name="IsNullable">True for an optional field: the column accepts NULL.</param>
/// <param name="IsKey">True for a primary-key column.</param>
public sealed record SqlColumn(string Name, FieldType Type, bool IsNullable, bool IsKey)
{
    /// <summary>
    /// The field's schema default (CLR value of <see cref="Type"/>), written as the column's
    /// DEFAULT by auto.create and auto.evolve as the JDBC sink's <c>writeColumnSpec</c> does; null for none.
    /// </summary>
    public object? Default { get; init; }

    /// <summary>
    /// The record field the column holds (its logical type picks the column type and converts the
    /// value); null for the Kafka coordinates of pk.mode=kafka.
    /// </summary>
    public RecordField? Field { get; init; }

    /// <summary>A column named <paramref name="name"/> holding <paramref name="field"/>.</summary>
    public static SqlColumn Of(string name, RecordField field, bool isNullable, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new SqlColumn(name, field.Type, isNullable, isKey)
        {
            Default = field.Default,
            Field = field,
        };
    }
}
