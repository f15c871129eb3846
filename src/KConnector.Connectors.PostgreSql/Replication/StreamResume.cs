using KConnector.Connectors.PostgreSql.Events;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>
/// The last change Kafka acknowledged before a restart (from the stored source offset). The slot
/// is confirmed only to ends of transactions wholly in Kafka, so the server may send again part
/// of the transaction this change belongs to: those changes, up to this one, are skipped.
/// </summary>
/// <param name="CommitLsn">The commit LSN of the change's transaction.</param>
/// <param name="Index">The change's index in its transaction.</param>
internal sealed record StreamResume(ulong CommitLsn, long Index)
{
    /// <summary>Whether the event at <paramref name="position"/> is already in Kafka.</summary>
    public bool Covers(LogPosition position) =>
        position.CommitLsn < CommitLsn
        || (position.CommitLsn == CommitLsn && position.Index <= Index);
}
