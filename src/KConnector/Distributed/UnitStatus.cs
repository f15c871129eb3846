using KConnector.Worker;

namespace KConnector.Distributed;

/// <summary>
/// A connector's or task's status as Kafka Connect's status topic holds it:
/// {"state":...,"trace":...,"worker_id":...,"generation":...}.
/// </summary>
public sealed record UnitStatus(
    WorkUnit Unit,
    TaskState State,
    string? Trace,
    string WorkerId,
    long Generation
);
