namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// One change read from the log or the snapshot, or (with <see cref="Table"/> null) the end of a
/// transaction: the position the slot may be confirmed to once everything before it is in Kafka.
/// Row images are the columns' text values (PostgreSQL's output functions, as pgoutput sends
/// them), mapped to fields only when the envelope is written.
/// </summary>
/// <param name="Operation">What happened.</param>
/// <param name="Table">The table's shape when the change was written; null for a transaction's end.</param>
/// <param name="Before">The old row (REPLICA IDENTITY FULL: every column; default: the key's), or null.</param>
/// <param name="After">The new row, or null.</param>
/// <param name="Position">Where the change is in the log and its transaction.</param>
internal sealed record ChangeEvent(
    ChangeOperation Operation,
    CapturedTable? Table,
    ColumnValue[]? Before,
    ColumnValue[]? After,
    LogPosition Position
)
{
    /// <summary>A transaction's end (its commit's end LSN is in <see cref="Position"/>).</summary>
    public static ChangeEvent TransactionEnd(LogPosition position) =>
        new(ChangeOperation.Create, null, null, null, position);

    /// <summary>
    /// A heartbeat at the server's latest streamed position <paramref name="lsn"/>: every change
    /// before it is ahead of it in the stream, so once Kafka has them and the heartbeat, the slot
    /// may be confirmed to it. Its index, -1, makes a stored heartbeat offset skip no change of a
    /// transaction committed at that very LSN.
    /// </summary>
    public static ChangeEvent Heartbeat(ulong lsn, DateTimeOffset time) =>
        new(ChangeOperation.Heartbeat, null, null, null, new LogPosition(lsn, lsn, null, time, -1));

    /// <summary>Whether this is a transaction's end rather than a change.</summary>
    public bool IsTransactionEnd => Table is null && Operation != ChangeOperation.Heartbeat;

    /// <summary>Whether this is a heartbeat.</summary>
    public bool IsHeartbeat => Operation == ChangeOperation.Heartbeat;
}
