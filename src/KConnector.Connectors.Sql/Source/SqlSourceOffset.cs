using System.Globalization;

namespace KConnector.Connectors.Sql.Source;

/// <summary>
/// The position in one table, stored as the JDBC source's <c>TimestampIncrementingOffset</c> stores
/// it: <c>incrementing</c> (the last id), <c>timestamp</c> (epoch milliseconds, the column read as
/// UTC) and <c>timestamp_nanos</c> (the nanoseconds within the second).
/// </summary>
internal readonly record struct SqlSourceOffset(long? Incrementing, DateTime? Timestamp)
{
    public const string IncrementingKey = "incrementing";
    public const string TimestampKey = "timestamp";
    public const string TimestampNanosKey = "timestamp_nanos";

    public Dictionary<string, string> ToDictionary()
    {
        var offset = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Incrementing is { } id)
        {
            offset[IncrementingKey] = id.ToString(CultureInfo.InvariantCulture);
        }
        if (Timestamp is { } ts)
        {
            var utc = DateTime.SpecifyKind(ts, DateTimeKind.Utc);
            var seconds = new DateTimeOffset(utc).ToUnixTimeSeconds();
            var nanos = (utc.Ticks % TimeSpan.TicksPerSecond) * 100;
            offset[TimestampKey] = (seconds * 1000 + nanos / 1_000_000).ToString(
                CultureInfo.InvariantCulture
            );
            offset[TimestampNanosKey] = nanos.ToString(CultureInfo.InvariantCulture);
        }
        return offset;
    }

    public static SqlSourceOffset FromDictionary(IReadOnlyDictionary<string, string>? offset)
    {
        if (offset is null)
        {
            return default;
        }
        long? incrementing = offset.TryGetValue(IncrementingKey, out var id)
            ? long.Parse(id, CultureInfo.InvariantCulture)
            : null;
        DateTime? timestamp = null;
        if (offset.TryGetValue(TimestampKey, out var millisText))
        {
            var millis = long.Parse(millisText, CultureInfo.InvariantCulture);
            var seconds = Math.DivRem(millis, 1000, out var rem) - (rem < 0 ? 1 : 0);
            var ticks = DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond;
            ticks += offset.TryGetValue(TimestampNanosKey, out var nanos)
                ? long.Parse(nanos, CultureInfo.InvariantCulture) / 100
                : (millis - seconds * 1000) * TimeSpan.TicksPerMillisecond;
            timestamp = new DateTime(ticks, DateTimeKind.Utc);
        }
        return new SqlSourceOffset(incrementing, timestamp);
    }
}
