namespace KConnector.Avro;

/// <summary>
/// Conversions between Avro's date and time logical types and .NET's types (spec "Logical
/// Types"). Conversions to .NET throw <see cref="ArgumentOutOfRangeException"/> for values .NET
/// cannot represent; sub-tick precision does not exist for micros (a tick is 100 ns).
/// </summary>
public static class AvroTime
{
    private const long TicksPerMicro = TimeSpan.TicksPerMillisecond / 1000;
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    // Whole units since 0001-01-01, minus the epoch in the same unit: ticks counted from year 1
    // are never negative, so integer division floors, as Java's ChronoUnit.between and avsc do.
    // Dividing ticks counted from 1970 would truncate toward zero instead (issue 20, item 5:
    // 1969-12-31T23:59:59.9999995Z is -1 microsecond, not 0). The epoch is a whole number of
    // microseconds and milliseconds, so subtracting it afterwards is exact.
    private const long EpochMicros = 621_355_968_000_000_000 / TicksPerMicro;
    private const long EpochMillis = 621_355_968_000_000_000 / TimeSpan.TicksPerMillisecond;

    // The Unix milliseconds and microseconds DateTimeOffset can hold (0001-01-01T00:00:00Z to
    // 9999-12-31T23:59:59.9999999Z), and the width of each range: a reader checks a value with
    // one unsigned compare, (ulong)(value - min) > span.
    internal const long MinTimestampMillis = -EpochMillis;
    internal const ulong TimestampMillisSpan = (ulong)(MaxTicks / TimeSpan.TicksPerMillisecond);
    internal const long MinTimestampMicros = -EpochMicros;
    internal const ulong TimestampMicrosSpan = (ulong)(MaxTicks / TicksPerMicro);
    private const long MaxTicks = 3_155_378_975_999_999_999;

    /// <summary>date: days since 1970-01-01.</summary>
    public static DateOnly DateFromDays(int days) =>
        DateOnly.FromDayNumber(checked(EpochDayNumber + days));

    /// <summary>date: days since 1970-01-01.</summary>
    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    /// <summary>time-millis: milliseconds after midnight.</summary>
    public static TimeOnly TimeFromMillis(int millis) =>
        new(checked(millis * TimeSpan.TicksPerMillisecond));

    /// <summary>time-millis: milliseconds after midnight.</summary>
    public static int ToMillisOfDay(TimeOnly time) =>
        (int)(time.Ticks / TimeSpan.TicksPerMillisecond);

    /// <summary>time-micros: microseconds after midnight.</summary>
    public static TimeOnly TimeFromMicros(long micros) => new(checked(micros * TicksPerMicro));

    /// <summary>time-micros: microseconds after midnight.</summary>
    public static long ToMicrosOfDay(TimeOnly time) => time.Ticks / TicksPerMicro;

    /// <summary>timestamp-millis: milliseconds since the Unix epoch, UTC.</summary>
    public static DateTimeOffset TimestampFromMillis(long millis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(millis);

    /// <summary>timestamp-millis: milliseconds since the Unix epoch, UTC.</summary>
    public static long ToUnixMillis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>timestamp-micros: microseconds since the Unix epoch, UTC.</summary>
    public static DateTimeOffset TimestampFromMicros(long micros) =>
        new(DateTime.UnixEpoch.Ticks + checked(micros * TicksPerMicro), TimeSpan.Zero);

    /// <summary>timestamp-micros: microseconds since the Unix epoch, UTC.</summary>
    public static long ToUnixMicros(DateTimeOffset value) =>
        value.UtcTicks / TicksPerMicro - EpochMicros;

    /// <summary>local-timestamp-millis: a wall-clock time, as milliseconds from 1970-01-01T00:00.</summary>
    public static DateTime LocalTimestampFromMillis(long millis) =>
        new(
            DateTime.UnixEpoch.Ticks + checked(millis * TimeSpan.TicksPerMillisecond),
            DateTimeKind.Unspecified
        );

    /// <summary>local-timestamp-millis: a wall-clock time, as milliseconds from 1970-01-01T00:00.</summary>
    public static long ToLocalMillis(DateTime value) =>
        value.Ticks / TimeSpan.TicksPerMillisecond - EpochMillis;

    /// <summary>local-timestamp-micros: a wall-clock time, as microseconds from 1970-01-01T00:00.</summary>
    public static DateTime LocalTimestampFromMicros(long micros) =>
        new(DateTime.UnixEpoch.Ticks + checked(micros * TicksPerMicro), DateTimeKind.Unspecified);

    /// <summary>local-timestamp-micros: a wall-clock time, as microseconds from 1970-01-01T00:00.</summary>
    public static long ToLocalMicros(DateTime value) => value.Ticks / TicksPerMicro - EpochMicros;
}
