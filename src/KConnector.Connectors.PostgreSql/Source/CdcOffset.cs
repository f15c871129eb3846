using System.Globalization;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Connectors.PostgreSql.Replication;

namespace KConnector.Connectors.PostgreSql.Source;

/// <summary>
/// The source partition and offset of change events, in Debezium's PostgreSQL form where it has
/// one: the partition <c>{"server": topic.prefix}</c>; the offset <c>lsn</c>, <c>lsn_commit</c>,
/// <c>txId</c>, <c>ts_usec</c>, and during the snapshot <c>snapshot</c> and
/// <c>last_snapshot_record</c>. <c>event_index</c> (the change's index in its transaction) is
/// KConnector's own: with it a restart skips exactly the changes Kafka already has.
/// </summary>
internal static class CdcOffset
{
    private const string Lsn = "lsn";
    private const string CommitLsn = "lsn_commit";
    private const string TransactionId = "txId";
    private const string CommitMicros = "ts_usec";
    private const string Snapshot = "snapshot";
    private const string LastSnapshotRecord = "last_snapshot_record";
    private const string EventIndex = "event_index";

    /// <summary>The source partition of every event of the connector.</summary>
    public static Dictionary<string, string> Partition(string topicPrefix) =>
        new(StringComparer.Ordinal) { ["server"] = topicPrefix };

    /// <summary>The offset of an event at <paramref name="position"/>.</summary>
    public static Dictionary<string, string> Of(LogPosition position)
    {
        var offset = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Lsn] = Text(position.Lsn),
            [CommitLsn] = Text(position.CommitLsn),
            [CommitMicros] = Text((position.CommitTime.UtcTicks - DateTime.UnixEpoch.Ticks) / 10),
            [EventIndex] = Text(position.Index),
        };
        if (position.TransactionId is { } txId)
        {
            offset[TransactionId] = Text(txId);
        }
        if (position.Snapshot != "false")
        {
            offset[Snapshot] = "true";
            offset[LastSnapshotRecord] = position.Snapshot == "last" ? "true" : "false";
        }
        return offset;
    }

    /// <summary>Whether the stored offset says the snapshot finished (or streaming began).</summary>
    public static bool SnapshotCompleted(IReadOnlyDictionary<string, string> offset) =>
        !offset.ContainsKey(Snapshot)
        || (offset.TryGetValue(LastSnapshotRecord, out var last) && last == "true");

    /// <summary>Where streaming resumes after the stored offset; null when it is a snapshot's.</summary>
    public static StreamResume? ResumeAfter(IReadOnlyDictionary<string, string> offset) =>
        offset.ContainsKey(Snapshot)
        || !offset.TryGetValue(CommitLsn, out var commit)
        || !offset.TryGetValue(EventIndex, out var index)
            ? null
            : new StreamResume(
                ulong.Parse(commit, CultureInfo.InvariantCulture),
                long.Parse(index, CultureInfo.InvariantCulture)
            );

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
