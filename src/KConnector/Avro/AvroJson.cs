using System.Text.Json;

namespace KConnector.Avro;

/// <summary>
/// JSON forms of Avro values, as Kafka Connect's JsonConverter (schemas.enable=false) prints the
/// Connect values that Confluent's AvroConverter makes of them.
/// </summary>
public static class AvroJson
{
    /// <summary>
    /// A double; NaN and the infinities, which JSON numbers cannot carry, become the strings
    /// "NaN", "Infinity" and "-Infinity" (Jackson's default, QUOTE_NON_NUMERIC_NUMBERS).
    /// </summary>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(
                double.IsNaN(value) ? "NaN"
                : value > 0 ? "Infinity"
                : "-Infinity"
            );
        }
    }

    /// <summary>A float, as <see cref="WriteNumber(Utf8JsonWriter, double)"/>.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, float value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(
                float.IsNaN(value) ? "NaN"
                : value > 0 ? "Infinity"
                : "-Infinity"
            );
        }
    }

    /// <summary>
    /// A decimal as JsonConverter's default decimal.format=BASE64 prints Connect's Decimal: the
    /// base64 of the unscaled value's big-endian two's complement bytes.
    /// </summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value, int scale) =>
        WriteDecimal(writer, AvroDecimal.FromDecimal(value, scale, "decimal"), scale);

    /// <summary>A decimal of any precision, as <see cref="WriteDecimal(Utf8JsonWriter, decimal, int)"/>.</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, AvroDecimal value, int scale)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64StringValue(value.WithScale(scale, "decimal").ToUnscaledBytes());
    }

    /// <summary>A duration as Connect sees a fixed(12): base64 of its bytes.</summary>
    public static void WriteDuration(Utf8JsonWriter writer, AvroDuration value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64StringValue(value.ToBytes());
    }
}
