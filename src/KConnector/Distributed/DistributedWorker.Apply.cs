using KConnector.Hosting;
using KConnector.Worker;

namespace KConnector.Distributed;

// Every worker's part: run exactly the units the latest assignment gives this worker.
public sealed partial class DistributedWorker
{
    private readonly Lock _state = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _applied = new(
        StringComparer.Ordinal
    );
    private readonly Dictionary<WorkUnit, long> _startedAt = [];
    private readonly Dictionary<WorkUnit, long> _fenced = [];
    private readonly Dictionary<WorkUnit, (TaskState State, long Generation)> _reported = [];
    private readonly Dictionary<
        string,
        (
            IReadOnlyDictionary<string, string> Config,
            ConnectorRegistration? Registration,
            string? Failure
        )
    > _registrations = new(StringComparer.Ordinal);

    /// <summary>The connectors and tasks this worker runs now.</summary>
    public IReadOnlyList<WorkUnit> LocalUnits
    {
        get
        {
            lock (_state)
            {
                return [.. _startedAt.Keys.Order()];
            }
        }
    }

    private async Task ApplyAsync(CancellationToken stopping)
    {
        var assignment = ConfigStore.Assignment;
        var mine = Mine(assignment);
        var connectors = ConfigStore.Connectors;
        foreach (var name in connectors.Keys.Union(_applied.Keys).ToList())
        {
            var config = connectors.GetValueOrDefault(name);
            if (_applied.TryGetValue(name, out var applied) && !Same(applied, config))
            {
                // Deleted or reconfigured: its tasks stop here; they start again below.
                await Worker.DeleteConnectorAsync(name, stopping).ConfigureAwait(false);
                _applied.Remove(name);
                await UnassignedAsync(Started(name, tasks: true), assignment, stopping)
                    .ConfigureAwait(false);
                if (config is null)
                {
                    ForgetDeletedConnectorTopics(name);
                }
            }
            var tasks = mine.Where(u => u.Connector == name && !u.IsConnector).ToList();
            await ApplyTasksAsync(name, config, tasks, assignment, stopping).ConfigureAwait(false);
            await ApplyConnectorAsync(
                    name,
                    config,
                    mine.Contains(new WorkUnit(name, null)),
                    assignment,
                    stopping
                )
                .ConfigureAwait(false);
        }
    }

    // What this worker runs: its share, unless the group no longer counts it (it runs nothing
    // then) or a newer generation gave a unit to another worker.
    private HashSet<WorkUnit> Mine(ClusterAssignment assignment)
    {
        if (_membership.Partitions.Count == 0)
        {
            return [];
        }
        lock (_state)
        {
            return assignment
                .Of(WorkerId)
                .Where(u => !_fenced.TryGetValue(u, out var g) || assignment.Generation > g)
                .ToHashSet();
        }
    }

    private async Task ApplyTasksAsync(
        string name,
        IReadOnlyDictionary<string, string>? config,
        List<WorkUnit> tasks,
        ClusterAssignment assignment,
        CancellationToken stopping
    )
    {
        var before = Started(name, tasks: true);
        var ids = tasks.Select(u => u.Task!.Value).ToHashSet();
        if (config is null || Registration(config) is not { } registration)
        {
            ids.Clear();
            registration = null;
        }
        else
        {
            HoldUnfencedTasks(name, config, ids);
        }
        if (registration is not null && (ids.Count > 0 || Worker.Connectors.Contains(name)))
        {
            var target = ConfigStore.TargetState(name);
            await Worker
                .AssignTasksAsync(name, registration, ids, target, stopping)
                .ConfigureAwait(false);
            _applied[name] = config!;
            if (Worker.LocalTarget(name) is { } local && local != target)
            {
                if (target == TargetState.PAUSED)
                {
                    Worker.Pause(name);
                }
                else if (target == TargetState.STARTED)
                {
                    Worker.Resume(name);
                }
            }
        }
        var now = Worker.LocalTaskIds(name).Select(id => new WorkUnit(name, id)).ToHashSet();
        lock (_state)
        {
            foreach (var unit in now.Where(u => !_startedAt.ContainsKey(u)))
            {
                _startedAt[unit] = assignment.Generation;
            }
        }
        await UnassignedAsync([.. before.Where(u => !now.Contains(u))], assignment, stopping)
            .ConfigureAwait(false);
    }

    // A connector's own status: its owner validates its config (Connect's connector instance).
    private async Task ApplyConnectorAsync(
        string name,
        IReadOnlyDictionary<string, string>? config,
        bool owned,
        ClusterAssignment assignment,
        CancellationToken stopping
    )
    {
        var unit = new WorkUnit(name, null);
        if (!owned || config is null)
        {
            if (Started(name, tasks: false).Count > 0)
            {
                await UnassignedAsync([unit], assignment, stopping).ConfigureAwait(false);
            }
            return;
        }
        long generation;
        lock (_state)
        {
            generation = _startedAt.TryAdd(unit, assignment.Generation)
                ? assignment.Generation
                : _startedAt[unit];
        }
        _ = Registration(config);
        var failure = _registrations.GetValueOrDefault(name).Failure;
        var state = failure is not null
            ? TaskState.FAILED
            : ConfigStore.TargetState(name) switch
            {
                TargetState.PAUSED => TaskState.PAUSED,
                TargetState.STOPPED => TaskState.STOPPED,
                _ => TaskState.RUNNING,
            };
        await PutStatusAsync(new UnitStatus(unit, state, failure, WorkerId, generation), stopping)
            .ConfigureAwait(false);
    }

    private List<WorkUnit> Started(string name, bool tasks)
    {
        lock (_state)
        {
            return [.. _startedAt.Keys.Where(u => u.Connector == name && u.IsConnector != tasks)];
        }
    }

    // Connect writes UNASSIGNED when a worker stops a unit; the leader waits for it before it
    // gives a revoked unit to another worker.
    private async Task UnassignedAsync(
        IReadOnlyList<WorkUnit> units,
        ClusterAssignment assignment,
        CancellationToken stopping
    )
    {
        foreach (var unit in units)
        {
            lock (_state)
            {
                _startedAt.Remove(unit);
            }
            await PutUnassignedAsync(unit, assignment.Generation, stopping).ConfigureAwait(false);
        }
    }

    // The registration of a config, made once per config; null (the failure kept for the
    // connector's status) when the config is invalid.
    private ConnectorRegistration? Registration(IReadOnlyDictionary<string, string> config)
    {
        var name = config.GetValueOrDefault("name") ?? string.Empty;
        if (_registrations.TryGetValue(name, out var made) && Same(made.Config, config))
        {
            return made.Registration;
        }
        try
        {
            var registration = _connectors(config);
            registration.Validate(Worker.SettingsForValidation());
            _registrations[name] = (config, registration, null);
            return registration;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _registrations[name] = (
                config,
                null,
                Configuration.UrlRedaction.RedactIn(e.ToString())
            );
            return null;
        }
    }

    private static bool Same(
        IReadOnlyDictionary<string, string> a,
        IReadOnlyDictionary<string, string>? b
    ) =>
        b is not null && a.Count == b.Count && a.All(kv => b.GetValueOrDefault(kv.Key) == kv.Value);
}
