using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// Controls the connectors a worker runs: what Kafka Connect's REST API offers (its Herder), as a
/// .NET interface that KConnector.Rest serves. Resolve it from the service provider.
/// </summary>
public interface IConnectorController
{
    /// <summary>The names of the connectors this worker runs.</summary>
    IReadOnlyList<string> Connectors { get; }

    /// <summary>A connector's status; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    ConnectorStatus GetStatus(string connector);

    /// <summary>A connector's running tasks (their metrics, state and failure).</summary>
    IReadOnlyList<IConnectTask> GetTasks(string connector);

    /// <summary>Pauses every task of <paramref name="connector"/>: no polls or puts; finished work is still committed.</summary>
    void Pause(string connector);

    /// <summary>Resumes a paused connector.</summary>
    void Resume(string connector);

    /// <summary>
    /// Stops every task of <paramref name="connector"/> cleanly (or collects its failure) and
    /// starts new ones, which resume from the committed offsets.
    /// </summary>
    Task RestartAsync(string connector, CancellationToken cancellationToken);

    /// <summary>
    /// Validates <paramref name="registration"/> over the worker's settings and runs it in
    /// <paramref name="initialState"/> (<c>POST /connectors</c>). Throws a
    /// <see cref="Configuration.ConfigValidationException"/> naming the keys at fault, or a
    /// <see cref="ConnectorExistsException"/>.
    /// </summary>
    Task<ConnectorInfo> AddConnectorAsync(
        ConnectorRegistration registration,
        TargetState initialState,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Replaces the config of the connector of the registration's name (<c>PUT /connectors/{name}/config</c>):
    /// the new config is validated first; the tasks restart with it, in the same target state.
    /// </summary>
    Task<ConnectorInfo> ReplaceConnectorAsync(
        ConnectorRegistration registration,
        CancellationToken cancellationToken
    );

    /// <summary>Stops the connector's tasks and forgets it (<c>DELETE /connectors/{name}</c>); its offsets stay.</summary>
    Task DeleteConnectorAsync(string connector, CancellationToken cancellationToken);

    /// <summary>Shuts the connector's tasks down and keeps its config: STOPPED (<c>PUT /connectors/{name}/stop</c>).</summary>
    Task StopConnectorAsync(string connector, CancellationToken cancellationToken);

    /// <summary>The connector's config (secrets hidden), task ids and type.</summary>
    ConnectorInfo GetInfo(string connector);

    /// <summary>
    /// Kafka Connect's <c>POST /connectors/{name}/restart?includeTasks=&amp;onlyFailed=</c> (KIP-745):
    /// checks the config again and, with <paramref name="includeTasks"/>, restarts the tasks (only
    /// the FAILED ones with <paramref name="onlyFailed"/>) in the background. Answers the status
    /// with the tasks to restart in RESTARTING.
    /// </summary>
    Task<ConnectorStatus> RestartAsync(
        string connector,
        bool includeTasks,
        bool onlyFailed,
        CancellationToken cancellationToken
    );

    /// <summary>Restarts one task (<c>POST /connectors/{name}/tasks/{id}/restart</c>); unknown ids throw <see cref="KeyNotFoundException"/>.</summary>
    Task RestartTaskAsync(string connector, int taskId, CancellationToken cancellationToken);

    /// <summary>A source connector's committed offsets, from the worker's offset store (a sink's: <see cref="GetOffsetsAsync"/>).</summary>
    IReadOnlyList<ConnectorOffset> GetOffsets(string connector);

    /// <summary>
    /// The connector's committed offsets (KIP-875's <c>GET /connectors/{name}/offsets</c>): a
    /// source's from the offset store; a sink's are its consumer group's (<c>connect-{name}</c>),
    /// as <c>{"kafka_topic", "kafka_partition"}</c> → <c>{"kafka_offset"}</c>.
    /// </summary>
    Task<IReadOnlyList<ConnectorOffset>> GetOffsetsAsync(
        string connector,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Writes (or, for a null offset, removes) offsets: a source's in the offset store, a sink's
    /// in its consumer group; only while STOPPED, else <see cref="ConnectorStateException"/>.
    /// </summary>
    Task AlterOffsetsAsync(
        string connector,
        IReadOnlyList<ConnectorOffset> offsets,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Removes every offset of the connector (a sink's consumer group is deleted, as Kafka Connect
    /// does); only while STOPPED, else <see cref="ConnectorStateException"/>.
    /// </summary>
    Task ResetOffsetsAsync(string connector, CancellationToken cancellationToken);

    /// <summary>
    /// Kafka Connect's active topics (KIP-558, <c>GET /connectors/{name}/topics</c>): the topics the
    /// connector's source tasks wrote to (after transforms) or its sink tasks read from since its
    /// creation or last reset, sorted. Throws <see cref="TopicTrackingDisabledException"/> when
    /// <c>topic.tracking.enable=false</c>.
    /// </summary>
    IReadOnlyList<string> GetActiveTopics(string connector);

    /// <summary>
    /// Empties the connector's active topics (<c>PUT /connectors/{name}/topics/reset</c>); throws
    /// <see cref="TopicTrackingDisabledException"/> when tracking or its reset is disabled.
    /// </summary>
    void ResetActiveTopics(string connector);

    /// <summary>
    /// The id of the Kafka cluster the worker uses (<c>GET /</c>'s <c>kafka_cluster_id</c>), from a
    /// broker's Metadata answer; null when no broker answered in time (asked again next time).
    /// </summary>
    Task<string?> GetKafkaClusterIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Beyond Kafka Connect, for health probes: whether every task of every connector that is to run
    /// is RUNNING or PAUSED, or FAILED with an automatic restart scheduled (within its backoff).
    /// </summary>
    bool IsReady { get; }
}
