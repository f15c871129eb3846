using KConnector.Offsets;
using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// A connector the worker holds: its validated config, how it was registered (to re-validate it on
/// a restart or a new config), its target state and one slot per task. A STOPPED connector keeps
/// its config and has no slots, as in Kafka Connect.
/// </summary>
internal sealed class RunningConnector(
    ConnectorRegistration registration,
    ConfiguredConnector connector,
    string bootstrapServers,
    int taskCount,
    IOffsetBackingStore? store
)
{
    public ConnectorConfig Config => Connector.Config;

    public ConnectorRegistration Registration { get; } = registration;

    public ConfiguredConnector Connector { get; } = connector;

    public string BootstrapServers { get; } = bootstrapServers;

    /// <summary>tasks.max, capped by the connector's task limit.</summary>
    public int TaskCount { get; } = taskCount;

    public IOffsetBackingStore? Store { get; } = store;

    public List<TaskSlot> Slots { get; } = [];

    public IEnumerable<IConnectTask> Tasks => Slots.Select(s => s.Task);

    public TargetState Target { get; set; } = TargetState.STARTED;

    /// <summary>The task ids this worker runs (distributed mode: the group's assignment); null: all.</summary>
    public IReadOnlySet<int>? Assigned { get; set; }

    public bool Paused => Target == TargetState.PAUSED;
}
