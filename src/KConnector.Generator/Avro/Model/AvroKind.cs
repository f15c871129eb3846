namespace KConnector.Generator.Avro;

/// <summary>The Avro type kinds (specification 1.12, "Schema Declaration").</summary>
internal enum AvroKind
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record,
    Enum,
    Fixed,
    Array,
    Map,
    Union,

    /// <summary>A reference to a named type by full name, not yet resolved against the name table.</summary>
    Reference,
}
