using System.Globalization;
using KConnector.Avro;

namespace KConnector.Connectors.Shapes;

/// <summary>
/// Converts a field's Avro value (what a <see cref="RecordAccessor{T}"/> reads and creates from) to
/// and from the .NET value of its logical type, as Kafka Connect's logical schemas do: decimal ->
/// <see cref="decimal"/> (or the unscaled bytes when wider than 28 digits), date ->
/// <see cref="DateOnly"/>, time -> <see cref="TimeOnly"/>, timestamp -> <see cref="DateTimeOffset"/>
/// (UTC), local timestamp -> <see cref="DateTime"/> (unspecified kind), uuid -> <see cref="Guid"/>.
/// </summary>
public static class LogicalValues
{
    /// <summary>The .NET value of <paramref name="value"/>, a non-null Avro value of <paramref name="field"/>.</summary>
    public static object ToClr(RecordField field, object value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return field.Logical switch
        {
            FieldLogicalType.Decimal => ToDecimal(field, (byte[])value),
            FieldLogicalType.Date => AvroTime.DateFromDays((int)value),
            FieldLogicalType.TimeMillis => AvroTime.TimeFromMillis((int)value),
            FieldLogicalType.TimeMicros => AvroTime.TimeFromMicros((long)value),
            FieldLogicalType.TimestampMillis => AvroTime.TimestampFromMillis((long)value),
            FieldLogicalType.TimestampMicros => AvroTime.TimestampFromMicros((long)value),
            FieldLogicalType.LocalTimestampMillis => AvroTime.LocalTimestampFromMillis((long)value),
            FieldLogicalType.LocalTimestampMicros => AvroTime.LocalTimestampFromMicros((long)value),
            FieldLogicalType.Uuid => Guid.Parse((string)value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>
    /// The Avro value of <paramref name="field"/> for a value a system gave back (a database's
    /// <see cref="DateTime"/>, <see cref="TimeSpan"/>, <see cref="decimal"/>, <see cref="Guid"/>, or
    /// text), or null when <paramref name="value"/> is not of a logical type's kind (the caller then
    /// coerces the primitive).
    /// </summary>
    /// <exception cref="FormatException">The value does not fit the field (a decimal with more digits than its precision).</exception>
    public static object? FromClr(RecordField field, object value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return (field.Logical, value) switch
        {
            (FieldLogicalType.Decimal, decimal d) => AvroDecimal
                .FromDecimal(d, field.Scale, field.Name)
                .ToUnscaledBytes(),
            (FieldLogicalType.Decimal, string s) => AvroDecimal
                .FromDecimal(
                    decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                    field.Scale,
                    field.Name
                )
                .ToUnscaledBytes(),
            (FieldLogicalType.Decimal, long l) => AvroDecimal
                .FromDecimal(l, field.Scale, field.Name)
                .ToUnscaledBytes(),
            (FieldLogicalType.Decimal, double d) => AvroDecimal
                .FromDecimal((decimal)d, field.Scale, field.Name)
                .ToUnscaledBytes(),
            (FieldLogicalType.Date, _) when Date(value) is { } date => AvroTime.ToDays(date),
            (FieldLogicalType.TimeMillis, _) when Time(value) is { } time => AvroTime.ToMillisOfDay(
                time
            ),
            (FieldLogicalType.TimeMicros, _) when Time(value) is { } time => AvroTime.ToMicrosOfDay(
                time
            ),
            (FieldLogicalType.TimestampMillis, _) when Instant(value) is { } instant =>
                AvroTime.ToUnixMillis(instant),
            (FieldLogicalType.TimestampMicros, _) when Instant(value) is { } instant =>
                AvroTime.ToUnixMicros(instant),
            (FieldLogicalType.LocalTimestampMillis, _) when Local(value) is { } local =>
                AvroTime.ToLocalMillis(local),
            (FieldLogicalType.LocalTimestampMicros, _) when Local(value) is { } local =>
                AvroTime.ToLocalMicros(local),
            (FieldLogicalType.Uuid, Guid g) => g.ToString("D"),
            _ => null,
        };
    }

    private static object ToDecimal(RecordField field, byte[] unscaled)
    {
        var value = AvroDecimal.FromUnscaledBytes(unscaled, field.Scale);
        // A database's driver takes decimal; wider values go as text, which SQL casts exactly.
        return value.TryToDecimal(out var d) ? d : value.ToString();
    }

    private static DateOnly? Date(object value) =>
        value switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            DateTimeOffset d => DateOnly.FromDateTime(d.UtcDateTime),
            string s => DateOnly.FromDateTime(
                DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            ),
            _ => null,
        };

    private static TimeOnly? Time(object value) =>
        value switch
        {
            TimeOnly t => t,
            TimeSpan t => TimeOnly.FromTimeSpan(t),
            DateTime d => TimeOnly.FromDateTime(d),
            string s => TimeOnly.Parse(s, CultureInfo.InvariantCulture),
            _ => null,
        };

    // A timestamp without a zone from a database (MySQL DATETIME, SQLite text) is taken as UTC:
    // the sink wrote it from a UTC instant.
    private static DateTimeOffset? Instant(object value) =>
        value switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(
                d.Kind == DateTimeKind.Local
                    ? d.ToUniversalTime()
                    : DateTime.SpecifyKind(d, DateTimeKind.Utc)
            ),
            string s => DateTimeOffset.Parse(
                s,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
            ),
            _ => null,
        };

    private static DateTime? Local(object value) =>
        value switch
        {
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
            DateTimeOffset d => d.DateTime,
            string s => DateTime.Parse(s, CultureInfo.InvariantCulture),
            _ => null,
        };
}
