using KConnector.Offsets;

namespace KConnector.Tasks;

/// <summary>
/// What the worker gives a source task when it starts, as Kafka Connect's <c>SourceTaskContext</c>:
/// who it is and where its committed offsets are, so that a restarted task resumes where it left off.
/// </summary>
/// <param name="ConnectorName">The connector's <c>name</c>.</param>
/// <param name="TaskId">The task's id, 0 to <c>tasks.max</c> - 1.</param>
/// <param name="OffsetStorageReader">Reads the offsets committed for this connector.</param>
public sealed record SourceTaskContext(
    string ConnectorName,
    int TaskId,
    OffsetStorageReader OffsetStorageReader
);
