namespace KConnector.Connectors.Shapes;

/// <summary>
/// A <see cref="RecordAccessor{T}"/> for a primitive key or value (string, int, long, double,
/// bool, byte[]): one field, named as the connector's config says (Kafka Connect's JDBC sink calls
/// a primitive key's column <c>__connect_key</c> unless <c>pk.fields</c> names it).
/// </summary>
/// <typeparam name="T">string, int, long, float, double, bool or byte[].</typeparam>
public sealed class PrimitiveRecordAccessor<T> : RecordAccessor<T>
{
    /// <summary>Creates an accessor whose single field is named <paramref name="fieldName"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a supported primitive.</exception>
    public PrimitiveRecordAccessor(string fieldName)
    {
        var type =
            typeof(T) == typeof(string) ? FieldType.String
            : typeof(T) == typeof(int) || typeof(T) == typeof(int?) ? FieldType.Int
            : typeof(T) == typeof(long) || typeof(T) == typeof(long?) ? FieldType.Long
            : typeof(T) == typeof(float) || typeof(T) == typeof(float?) ? FieldType.Float
            : typeof(T) == typeof(double) || typeof(T) == typeof(double?) ? FieldType.Double
            : typeof(T) == typeof(bool) || typeof(T) == typeof(bool?) ? FieldType.Boolean
            : typeof(T) == typeof(byte[]) ? FieldType.Bytes
            : throw new NotSupportedException(
                $"{typeof(T).Name} is neither a generated record nor a primitive a connector can map"
            );
        Shape = new RecordShape(
            typeof(T).Name,
            [new RecordField(fieldName, type, false, 0, false)]
        );
    }

    /// <inheritdoc />
    public override RecordShape Shape { get; }

    /// <inheritdoc />
    public override void Read(T record, Span<object?> values) => values[0] = record;

    /// <inheritdoc />
    public override T Create(ReadOnlySpan<object?> values) => (T)values[0]!;
}
