using System.Collections.Concurrent;
using System.Globalization;
using KConnector.Converters;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// The conversions of Kafka Connect's <c>TimestampConverter</c> on typed values, called by the code
/// the build compiles a TimestampConverter into. They compute as the schemaless path does: times are
/// UTC, a unix time counts <c>unix.precision</c> units (nanoseconds truncate to 100 ns ticks),
/// <c>format</c> is a Java <c>SimpleDateFormat</c> pattern translated once per pattern. A string
/// that does not match the pattern fails the record at stage TRANSFORMATION, naming the plugin.
/// </summary>
public static class CompiledTimestamp
{
    private static readonly ConcurrentDictionary<string, string> Formats = new(
        StringComparer.Ordinal
    );

    /// <summary>The instant of a unix time <paramref name="value"/> counted in <paramref name="precision"/> (Connect's unix.precision).</summary>
    public static DateTimeOffset FromUnix(long value, string precision) =>
        new(DateTime.UnixEpoch.AddTicks((long)(value * TicksPer(precision))), TimeSpan.Zero);

    /// <summary>The instant <paramref name="text"/> writes in the Java pattern <paramref name="javaFormat"/>; otherwise a <see cref="CompiledTransformationException"/> for <paramref name="plugin"/>.</summary>
    public static DateTimeOffset Parse(string text, string javaFormat, Type plugin)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTime.TryParseExact(
            text,
            DotNet(javaFormat),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed
        )
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : throw new CompiledTransformationException(
                plugin,
                new DataException(
                    $"Could not parse timestamp: value ({text}) does not match pattern ({DotNet(javaFormat)})"
                )
            );
    }

    /// <summary>The instant written in the Java pattern <paramref name="javaFormat"/>, in UTC.</summary>
    public static string Text(DateTimeOffset instant, string javaFormat) =>
        instant.UtcDateTime.ToString(DotNet(javaFormat), CultureInfo.InvariantCulture);

    /// <summary>The instant as a unix time counted in <paramref name="precision"/>.</summary>
    public static long Unix(DateTimeOffset instant, string precision) =>
        (long)((instant.UtcDateTime - DateTime.UnixEpoch).Ticks / TicksPer(precision));

    /// <summary>Connect's Date of an instant: its day (UTC).</summary>
    public static DateOnly Date(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>Connect's Time of an instant: its time of day (UTC), in milliseconds.</summary>
    public static TimeOnly Time(DateTimeOffset instant) =>
        new(
            instant.UtcDateTime.TimeOfDay.Ticks
                / TimeSpan.TicksPerMillisecond
                * TimeSpan.TicksPerMillisecond
        );

    /// <summary>Connect's Timestamp of an instant: milliseconds, as the Timestamp logical type holds it.</summary>
    public static DateTimeOffset Timestamp(DateTimeOffset instant) =>
        new(
            instant.UtcTicks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond,
            TimeSpan.Zero
        );

    /// <summary>The instant of Connect's Date (midnight UTC of the day).</summary>
    public static DateTimeOffset Of(DateOnly date) =>
        new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant of Connect's Time (the time of day on 1970-01-01 UTC).</summary>
    public static DateTimeOffset Of(TimeOnly time) =>
        new(DateTime.UnixEpoch.Add(time.ToTimeSpan()), TimeSpan.Zero);

    private static string DotNet(string javaFormat) =>
        Formats.GetOrAdd(javaFormat, f => JavaDateFormat.ToDotNet("format", f));

    // Ticks (100 ns) per unit of unix.precision, as TimestampConverterConfig counts them.
    private static double TicksPer(string precision) =>
        precision switch
        {
            "seconds" => TimeSpan.TicksPerSecond,
            "microseconds" => TimeSpan.TicksPerMicrosecond,
            "nanoseconds" => 0.01,
            _ => TimeSpan.TicksPerMillisecond,
        };
}
