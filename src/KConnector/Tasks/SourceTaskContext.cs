using KConnector.Offsets;

namespace KConnector.Tasks;

/// <summary>
/// What the worker gives a source task when it starts, as Kafka Connect's <c>SourceTaskContext</c>:
/// who it is and where its committed offsets are, so that a restarted task resumes where it left off.
/// </summary>
/// A connector that can split its work (tables, shards, key ranges) gives task <see cref="TaskId"/> of
/// <see cref="TasksMax"/> its share, as Kafka Connect's <c>Connector.taskConfigs(maxTasks)</c> would.
/// <param name="ConnectorName">The connector's <c>name</c>.</param>
/// <param name="TaskId">The task's id, 0 to <c>tasks.max</c> - 1.</param>
/// <param name="OffsetStorageReader">Reads the offsets committed for this connector.</param>
public sealed record SourceTaskContext(
    string ConnectorName,
    int TaskId,
    OffsetStorageReader OffsetStorageReader
)
{
    /// <summary>How many tasks of the connector run (<c>tasks.max</c>, or fewer when the connector cannot split its work); 1 by default.</summary>
    public int TasksMax { get; init; } = 1;

    /// <summary>
    /// The task's own transaction boundaries (Kafka Connect's <c>SourceTaskContext.transactionContext</c>):
    /// given only with <c>transaction.boundary=connector</c> on an exactly-once worker, null otherwise.
    /// </summary>
    public TransactionContext? TransactionContext { get; init; }
}
