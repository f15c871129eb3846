using KConnector.Generator.Avro;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Avro logical types Confluent's AvroData does not map to a Connect logical type
/// (<c>toConnectSchema</c> knows decimal, date, time-millis and timestamp-millis only): it reads
/// time-micros, timestamp-micros and local-timestamp-millis/micros as a plain INT64 and uuid as a
/// plain STRING, their Avro encoding, and writes them back without the logical type. The generated
/// C# property holds a TimeOnly, DateTimeOffset, DateTime or Guid, so a compiled chain reads the
/// plain value through these expressions ({0}: the property), the same numbers and text the wire has;
/// a fixed uuid or duration AvroData reads as the plain fixed (a named BYTES), its bytes.
/// </summary>
internal static class AvroUnderlying
{
    private const string Time = "global::KConnector.Avro.AvroTime";

    /// <summary>The expression of the plain value over a non-null property ({0}), or null when C# holds the plain type already.</summary>
    public static string? Of(AvroLogical logical) =>
        logical switch
        {
            AvroLogical.TimeMicros => Time + ".ToMicrosOfDay({0})",
            AvroLogical.TimestampMicros => Time + ".ToUnixMicros({0})",
            AvroLogical.LocalTimestampMillis => Time + ".ToLocalMillis({0})",
            AvroLogical.LocalTimestampMicros => Time + ".ToLocalMicros({0})",
            // Guid's "D" text: lowercase hex with hyphens, as uuid's string encoding.
            AvroLogical.Uuid => "{0}.ToString(\"D\")",
            _ => null,
        };

    /// <summary>
    /// A fixed uuid's or duration's bytes over the generated Guid or AvroDuration ({0}), as the
    /// codec writes them: the uuid big-endian (RFC 4122), the duration's three little-endian uints.
    /// </summary>
    public static string OfFixed(AvroLogical logical) =>
        logical == AvroLogical.Uuid ? "{0}.ToByteArray(true)" : "{0}.ToBytes()";
}
