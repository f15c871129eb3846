namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// Where an event is: the change's LSN, its transaction's commit LSN and id, the commit's time,
/// and its index within the transaction (changes of one transaction share the commit LSN, so
/// the index orders them when a restart skips what Kafka already has).
/// </summary>
/// <param name="Lsn">The change's LSN (for a transaction's end: the commit's end LSN, what the slot is confirmed to).</param>
/// <param name="CommitLsn">The transaction's commit LSN (Debezium's <c>lsn_commit</c>).</param>
/// <param name="TransactionId">The transaction id (<c>txId</c>); null in the snapshot.</param>
/// <param name="CommitTime">When the transaction committed (<c>source.ts_ms</c>).</param>
/// <param name="Index">The change's index in its transaction, from 0.</param>
/// <param name="Snapshot">source.snapshot: "true", "last" or "false".</param>
internal readonly record struct LogPosition(
    ulong Lsn,
    ulong CommitLsn,
    uint? TransactionId,
    DateTimeOffset CommitTime,
    long Index,
    string Snapshot = "false"
);
