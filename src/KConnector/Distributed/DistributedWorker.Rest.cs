using KConnector.Hosting;
using KConnector.Worker;

namespace KConnector.Distributed;

// The REST API on every worker (Kafka Connect's DistributedHerder behind ConnectorsResource):
// reads answer here from the config and status topics, whoever runs the connector; writes are in
// DistributedWorker.RestWrites.cs.
public sealed partial class DistributedWorker : IConnectorController
{
    private readonly Lock _viewGate = new();
    private readonly Dictionary<string, ConnectorView> _views = new(StringComparer.Ordinal);

    // What REST shows of a connector's config: secrets hidden (Connect's [hidden]) and its type;
    // made once per config, apart from the loop's registrations (REST answers on its own threads).
    private sealed record ConnectorView(
        IReadOnlyDictionary<string, string> Config,
        IReadOnlyDictionary<string, string> Shown,
        bool IsSink
    );

    IReadOnlyList<string> IConnectorController.Connectors =>
        [.. ConfigStore.Connectors.Keys.Order(StringComparer.Ordinal)];

    bool IConnectorController.IsReady => Worker.IsReady;

    ConnectorStatus IConnectorController.GetStatus(string connector)
    {
        var config = ConfigOf(connector);
        var own = StatusStore.Get(new WorkUnit(connector, null));
        var tasks = new List<Hosting.TaskStatus>();
        for (var id = 0; id < TaskCountShown(connector, config); id++)
        {
            if (StatusStore.Get(new WorkUnit(connector, id)) is { } task)
            {
                tasks.Add(new Hosting.TaskStatus(id, task.State, task.Trace, null, task.WorkerId));
            }
        }
        // Before its owner's first report the connector is UNASSIGNED, as Connect shows it.
        return new ConnectorStatus(
            connector,
            own?.State ?? TaskState.UNASSIGNED,
            tasks,
            own?.WorkerId ?? string.Empty
        );
    }

    ConnectorInfo IConnectorController.GetInfo(string connector)
    {
        var config = ConfigOf(connector);
        var view = ViewOf(config);
        return new ConnectorInfo(
            connector,
            view.Shown,
            [.. Enumerable.Range(0, TaskCountShown(connector, config))],
            view.IsSink
        );
    }

    // The tasks of the last commit record; none while STOPPED (the leader writes none then).
    private int TaskCountShown(string connector, IReadOnlyDictionary<string, string> config) =>
        ConfigStore.TargetState(connector) == TargetState.STOPPED
            ? 0
            : ConfigStore.TaskCount(connector);

    IReadOnlyList<IConnectTask> IConnectorController.GetTasks(string connector)
    {
        _ = ConfigOf(connector);
        return Worker.Connectors.Contains(connector, StringComparer.Ordinal)
            ? Worker.GetTasks(connector)
            : [];
    }

    Task<string?> IConnectorController.GetKafkaClusterIdAsync(
        CancellationToken cancellationToken
    ) => Worker.GetKafkaClusterIdAsync(cancellationToken);

    // True when this worker runs a task of the connector; otherwise the request goes to the
    // worker that runs its first task (NotAssignedException), or fails when none runs.
    private bool RunsHere(string connector, string action)
    {
        _ = ConfigOf(connector);
        if (Worker.Connectors.Contains(connector, StringComparer.Ordinal))
        {
            return true;
        }
        var assignment = ConfigStore.Assignment;
        var owner = Enumerable
            .Range(0, ConfigStore.TaskCount(connector))
            .Select(id => assignment.OwnerOf(new WorkUnit(connector, id)))
            .FirstOrDefault(o => o is not null && o != WorkerId);
        if (owner is null)
        {
            throw new ConnectorStateException(
                $"Cannot {action} of connector {connector}: none of its tasks runs on a distributed worker now"
            );
        }
        throw new NotAssignedException(
            $"Connector {connector}'s tasks run on worker {owner}",
            ConfigStore.UrlOf(owner)
        );
    }

    private IReadOnlyDictionary<string, string> ConfigOf(string connector) =>
        ConfigStore.Connectors.GetValueOrDefault(connector)
        ?? throw new KeyNotFoundException($"Connector {connector} not found");

    private ConnectorView ViewOf(IReadOnlyDictionary<string, string> config)
    {
        var name = config.GetValueOrDefault("name") ?? string.Empty;
        lock (_viewGate)
        {
            if (_views.TryGetValue(name, out var made) && Same(made.Config, config))
            {
                return made;
            }
        }
        var view = MakeView(config);
        lock (_viewGate)
        {
            _views[name] = view;
        }
        return view;
    }

    private ConnectorView MakeView(IReadOnlyDictionary<string, string> config)
    {
        try
        {
            var registration = _connectors(config);
            var configured = registration.Check(
                NoServices.Instance,
                Worker.SettingsForValidation()
            );
            return new ConnectorView(
                config,
                ConnectWorker.GivenConfig(configured),
                registration.IsSink
            );
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An invalid config (its connector reports FAILED): shown with every value that may
            // be a secret hidden, typed by the sink's keys.
            var shown = config.ToDictionary(
                kv => kv.Key,
                kv =>
                    kv.Key.Contains("password", StringComparison.OrdinalIgnoreCase)
                        ? Configuration.Password.Hidden
                        : Configuration.UrlRedaction.RedactIn(kv.Value) ?? kv.Value,
                StringComparer.Ordinal
            );
            return new ConnectorView(
                config,
                shown,
                config.ContainsKey("topics") || config.ContainsKey("topics.regex")
            );
        }
    }
}
