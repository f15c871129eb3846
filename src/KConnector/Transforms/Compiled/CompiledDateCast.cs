using System.Globalization;
using KConnector.Avro;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// Kafka Connect's <c>Cast</c> of a Timestamp, Date or Time field to string, called by the code the
/// build compiles such a Cast into. Connect formats the <c>java.util.Date</c> with
/// <c>Values.dateFormatFor</c>, which picks the pattern from the instant's milliseconds since the
/// epoch: under one day (a Time, and any instant of 1970-01-01 or before) <c>HH:mm:ss.SSS'Z'</c>, a
/// whole number of days (a Date, a Timestamp at midnight) <c>yyyy-MM-dd</c>, else
/// <c>yyyy-MM-dd'T'HH:mm:ss.SSS'Z'</c>. Connect formats in the JVM's default zone; here it is UTC,
/// which the patterns' literal <c>Z</c> claims and Connect's images run in. A cast to a number casts
/// the logical type's encoding (<c>encodeLogicalType</c>: epoch milliseconds, epoch days,
/// milliseconds of the day), which the build writes with <see cref="AvroTime"/>.
/// </summary>
public static class CompiledDateCast
{
    private const long MillisPerDay = 86_400_000;

    /// <summary>A Timestamp's text, as Connect's Cast writes it.</summary>
    public static string Text(DateTimeOffset value) =>
        Format(value.UtcDateTime, value.ToUnixTimeMilliseconds());

    /// <summary>A Date's text: <c>yyyy-MM-dd</c>, or <c>00:00:00.000Z</c> for 1970-01-01 and before.</summary>
    public static string Text(DateOnly value) =>
        Format(value.ToDateTime(TimeOnly.MinValue), AvroTime.ToDays(value) * MillisPerDay);

    /// <summary>A Time's text: <c>HH:mm:ss.SSS'Z'</c>.</summary>
    public static string Text(TimeOnly value) =>
        Format(DateTime.UnixEpoch.Add(value.ToTimeSpan()), AvroTime.ToMillisOfDay(value));

    private static string Format(DateTime utc, long millis) =>
        utc.ToString(
            millis < MillisPerDay ? "HH:mm:ss.fff'Z'"
                : millis % MillisPerDay == 0 ? "yyyy-MM-dd"
                : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            CultureInfo.InvariantCulture
        );
}
