using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// A connector's status, shaped as Kafka Connect's <c>GET /connectors/{name}/status</c> answer so
/// that a REST layer can serve it as it is.
/// </summary>
/// <param name="Name">The connector's name.</param>
/// <param name="State">The connector's state, as Kafka Connect's: STOPPED or PAUSED as asked, RUNNING otherwise, also when its tasks FAILED (their own states say so).</param>
/// <param name="Tasks">Its tasks.</param>
/// <param name="WorkerId">The worker that runs the connector (Kafka Connect's <c>worker_id</c>), when not the one answering (distributed workers); null: this worker.</param>
public sealed record ConnectorStatus(
    string Name,
    TaskState State,
    IReadOnlyList<TaskStatus> Tasks,
    string? WorkerId = null
);

/// <summary>One task's status.</summary>
/// <param name="Id">The task id.</param>
/// <param name="State">The task's state.</param>
/// <param name="Trace">For a FAILED task, the cause with its stack (Kafka Connect's <c>trace</c>); otherwise null.</param>
/// <param name="WaitingFor">
/// Beyond Kafka Connect: for a RUNNING task that holds a record until a dependency answers again (the
/// Schema Registry, Kafka), what it waits for, since when and why (<see cref="IConnectTask.WaitingFor"/>); otherwise null.
/// </param>
/// <param name="WorkerId">The worker that runs the task (Kafka Connect's <c>worker_id</c>), when not the one answering (distributed workers); null: this worker.</param>
public sealed record TaskStatus(
    int Id,
    TaskState State,
    string? Trace,
    string? WaitingFor = null,
    string? WorkerId = null
);
