namespace KConnector.Generator.Connectors;

/// <summary>
/// How a logical type's .NET property maps to the primitive a connector column holds: the Avro
/// encoding of the logical type (spec 1.12, "Logical Types"), so a generated accessor yields the
/// same values as encoding the record and reading the bytes (AvroRecordAccessor).
/// </summary>
internal enum FieldConversion
{
    None,
    Date,
    TimeMillis,
    TimeMicros,
    TimestampMillis,
    TimestampMicros,
    LocalTimestampMillis,
    LocalTimestampMicros,
    Uuid,
    Decimal,
}
