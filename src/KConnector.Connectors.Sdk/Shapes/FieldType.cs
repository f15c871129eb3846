namespace KConnector.Connectors.Shapes;

/// <summary>The Avro primitive type of a record field (the types the generator emits today).</summary>
public enum FieldType
{
    /// <summary>Avro <c>boolean</c>; CLR <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>Avro <c>int</c>; CLR <see cref="int"/>.</summary>
    Int,

    /// <summary>Avro <c>long</c>; CLR <see cref="long"/>.</summary>
    Long,

    /// <summary>Avro <c>float</c>; CLR <see cref="float"/>.</summary>
    Float,

    /// <summary>Avro <c>double</c>; CLR <see cref="double"/>.</summary>
    Double,

    /// <summary>Avro <c>bytes</c>; CLR <c>byte[]</c>.</summary>
    Bytes,

    /// <summary>Avro <c>string</c>; CLR <see cref="string"/>.</summary>
    String,
}
