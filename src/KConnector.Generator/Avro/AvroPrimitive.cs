namespace KConnector.Generator.Avro;

/// <summary>The Avro primitive types that carry a value (null only appears inside unions here).</summary>
internal enum AvroPrimitive
{
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
}
