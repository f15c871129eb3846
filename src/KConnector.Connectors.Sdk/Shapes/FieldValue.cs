using System.Globalization;

namespace KConnector.Connectors.Shapes;

/// <summary>
/// Converts a value read from an external system (a database column, a CSV cell, a JSON number)
/// to the CLR type of a <see cref="RecordField"/>, with errors that name the field.
/// </summary>
public static class FieldValue
{
    /// <summary>
    /// Converts <paramref name="value"/> (null and <see cref="DBNull"/> are null) to the CLR type of
    /// <paramref name="field"/>. Timestamps become epoch milliseconds for long fields and ISO 8601
    /// text for string fields, as Kafka Connect's <c>Timestamp</c> logical type is a long of millis.
    /// </summary>
    /// <exception cref="FormatException">The value cannot be converted; the message names the field.</exception>
    public static object? Coerce(object? value, RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is null or DBNull)
        {
            return field.IsNullable
                ? null
                : throw new FormatException(
                    $"field '{field.Name}' is not nullable but the value is null"
                );
        }
        try
        {
            // A column of a logical type (DATE, TIMESTAMP, NUMERIC, UUID) back to the Avro value.
            if (
                field.Logical != FieldLogicalType.None
                && LogicalValues.FromClr(field, value) is { } avro
            )
            {
                return avro;
            }
            return field.Type switch
            {
                FieldType.String => value switch
                {
                    string s => s,
                    DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                    DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                },
                FieldType.Long => value switch
                {
                    long l => l,
                    DateTime d => new DateTimeOffset(
                        DateTime.SpecifyKind(d, DateTimeKind.Utc)
                    ).ToUnixTimeMilliseconds(),
                    DateTimeOffset d => d.ToUnixTimeMilliseconds(),
                    string s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
                    _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                },
                FieldType.Int => value is string si
                    ? int.Parse(si, NumberStyles.Integer, CultureInfo.InvariantCulture)
                    : Convert.ToInt32(value, CultureInfo.InvariantCulture),
                FieldType.Double => value is string sd
                    ? double.Parse(sd, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : Convert.ToDouble(value, CultureInfo.InvariantCulture),
                FieldType.Float => value is string sf
                    ? float.Parse(sf, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : Convert.ToSingle(value, CultureInfo.InvariantCulture),
                FieldType.Boolean => value switch
                {
                    bool b => b,
                    string sb => sb switch
                    {
                        "1" => true,
                        "0" => false,
                        _ => bool.Parse(sb),
                    },
                    _ => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
                },
                _ => value switch
                {
                    byte[] bytes => bytes,
                    string text => Convert.FromBase64String(text),
                    _ => throw new InvalidCastException(value.GetType().Name + " is not bytes"),
                },
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new FormatException(
                $"field '{field.Name}' ({field.Type.ToString().ToLowerInvariant()}): cannot convert {value.GetType().Name} value '{Convert.ToString(value, CultureInfo.InvariantCulture)}': {e.Message}",
                e
            );
        }
    }
}
