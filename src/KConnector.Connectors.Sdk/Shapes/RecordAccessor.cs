namespace KConnector.Connectors.Shapes;

/// <summary>
/// Reads a typed record's field values in <see cref="Shape"/> order, and builds a record from
/// such values, without reflection. Connectors (SQL rows, JSON documents, CSV lines) work on the
/// values; the accessor is the one place that knows the CLR type. Instances reuse buffers and are
/// not thread-safe: one per task.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class RecordAccessor<T>
{
    /// <summary>The fields this accessor reads and writes.</summary>
    public abstract RecordShape Shape { get; }

    /// <summary>
    /// Writes the values of <paramref name="record"/> into <paramref name="values"/> (length at
    /// least the field count), boxed as the CLR type of each <see cref="FieldType"/> or null.
    /// </summary>
    public abstract void Read(T record, Span<object?> values);

    /// <summary>
    /// Builds a record from <paramref name="values"/> in shape order. Each value must already have
    /// the CLR type of its field (see <see cref="FieldValue.Coerce"/>) or be null for a nullable field.
    /// </summary>
    public abstract T Create(ReadOnlySpan<object?> values);
}
