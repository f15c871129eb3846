namespace KConnector.Connectors.Shapes;

/// <summary>
/// The Avro logical type of a field (the Avro specification's "Logical Types"), which Kafka Connect's
/// converters turn into its logical schemas (<c>Decimal</c>, <c>Date</c>, <c>Time</c>,
/// <c>Timestamp</c>) and connectors into their own types (a SQL column's DECIMAL, DATE, TIME,
/// TIMESTAMP, UUID). The value a <see cref="RecordAccessor{T}"/> reads stays the Avro one (days,
/// milliseconds or microseconds, the unscaled bytes, the text): <see cref="LogicalValues"/> converts.
/// </summary>
public enum FieldLogicalType
{
    /// <summary>No logical type: the value is the primitive.</summary>
    None,

    /// <summary><c>decimal</c> on bytes: big-endian two's-complement unscaled value; see <see cref="RecordField.Precision"/> and <see cref="RecordField.Scale"/>.</summary>
    Decimal,

    /// <summary><c>date</c>: days since 1970-01-01 (int).</summary>
    Date,

    /// <summary><c>time-millis</c>: milliseconds after midnight (int).</summary>
    TimeMillis,

    /// <summary><c>time-micros</c>: microseconds after midnight (long).</summary>
    TimeMicros,

    /// <summary><c>timestamp-millis</c>: milliseconds since the Unix epoch, UTC (long).</summary>
    TimestampMillis,

    /// <summary><c>timestamp-micros</c>: microseconds since the Unix epoch, UTC (long).</summary>
    TimestampMicros,

    /// <summary><c>local-timestamp-millis</c>: milliseconds since 1970-01-01T00:00 in no time zone (long).</summary>
    LocalTimestampMillis,

    /// <summary><c>local-timestamp-micros</c>: microseconds since 1970-01-01T00:00 in no time zone (long).</summary>
    LocalTimestampMicros,

    /// <summary><c>uuid</c> on string: the RFC 4122 text.</summary>
    Uuid,
}
