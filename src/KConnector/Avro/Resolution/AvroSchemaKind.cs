namespace KConnector.Avro.Resolution;

/// <summary>The Avro type kinds, as the runtime schema model knows them.</summary>
internal enum AvroSchemaKind
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
    Array,
    Map,
    Union,
    Fixed,
}
