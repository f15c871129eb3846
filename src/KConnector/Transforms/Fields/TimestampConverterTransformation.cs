using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>TimestampConverter</c> on schemaless values, for the whole key or value or one
/// field of it. A JSON number is a unix time in <c>unix.precision</c>, a string is parsed with
/// <c>format</c>; the output is a string in <c>format</c>, a unix number, or, for the Connect logical
/// types (no such objects in schemaless JSON), the number their JsonConverter form holds:
/// <c>Timestamp</c> epoch milliseconds, <c>Date</c> days since the epoch, <c>Time</c> milliseconds
/// since midnight. Times are UTC, as in Connect.
/// </summary>
internal sealed class TimestampConverterTransformation(
    RecordPart part,
    string field,
    string target,
    string? format,
    double ticksPerUnit
) : FieldTransformation(part, "converting timestamp formats")
{
    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    )
    {
        if (field.Length == 0)
        {
            return With(record, Convert(operating));
        }
        var updated = (JsonObject)RequireObject(operating).DeepClone();
        updated[field] = updated[field] is { } value ? Convert(value) : null;
        return With(record, updated);
    }

    private JsonNode Convert(JsonNode value)
    {
        var instant = Read(value);
        return target switch
        {
            "string" => instant.ToString(format, CultureInfo.InvariantCulture),
            "unix" => JsonValue.Create((long)((instant - DateTime.UnixEpoch).Ticks / ticksPerUnit)),
            "Date" => JsonValue.Create((int)Math.Floor((instant - DateTime.UnixEpoch).TotalDays)),
            "Time" => JsonValue.Create((int)instant.TimeOfDay.TotalMilliseconds),
            _ => JsonValue.Create((long)(instant - DateTime.UnixEpoch).TotalMilliseconds),
        };
    }

    private DateTime Read(JsonNode value) =>
        value.GetValueKind() switch
        {
            JsonValueKind.Number => DateTime.UnixEpoch.AddTicks(
                (long)(JsonNumbers.ToInt64(value) * ticksPerUnit)
            ),
            JsonValueKind.String => Parse(value.GetValue<string>()),
            var kind => throw new DataException(
                $"TimestampConverter does not support JSON {kind} objects as timestamps"
            ),
        };

    private DateTime Parse(string text)
    {
        if (format is null)
        {
            throw new DataException(
                "TimestampConverter requires format option to be specified when using string timestamps"
            );
        }
        return DateTime.TryParseExact(
            text,
            format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed
        )
            ? parsed
            : throw new DataException(
                $"Could not parse timestamp: value ({text}) does not match pattern ({format})"
            );
    }
}
