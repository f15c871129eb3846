namespace KConnector.Generator.Avro;

/// <summary>
/// The logical types the generator maps to .NET types (specification 1.12, "Logical Types").
/// <see cref="None"/> also stands for unknown or invalid logical types, which fall back to the
/// underlying type as the specification requires.
/// </summary>
internal enum AvroLogical
{
    None,
    Decimal,
    Uuid,
    Date,
    TimeMillis,
    TimeMicros,
    TimestampMillis,
    TimestampMicros,
    LocalTimestampMillis,
    LocalTimestampMicros,
    Duration,
}
