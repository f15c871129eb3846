using KConnector.Worker;

namespace KConnector.Hosting;

// The connector lifecycle at run time, as Kafka Connect's Herder offers it to its REST API: add,
// reconfigure and delete connectors, stop them (KIP-875), restart a connector's tasks or one task
// (KIP-745). Every change goes through the gate, so two requests never interleave on one worker.
public sealed partial class ConnectWorker
{
    /// <inheritdoc/>
    public async Task<ConnectorInfo> AddConnectorAsync(
        ConnectorRegistration registration,
        TargetState initialState,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(registration);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var running = await PrepareAsync(registration, initialState, cancellationToken)
                .ConfigureAwait(false);
            lock (_connectors)
            {
                if (!_connectors.TryAdd(running.Config.Name, running))
                {
                    throw new ConnectorExistsException(running.Config.Name);
                }
            }
            LaunchTasks(running);
            return GetInfo(running.Config.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<ConnectorInfo> ReplaceConnectorAsync(
        ConnectorRegistration registration,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(registration);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Validate the new config before stopping anything: a bad config leaves the old running.
            var name = registration.Check(_services, Settings()).Config.Name;
            var old = Find(name);
            await StopTasksAsync(old).ConfigureAwait(false);
            var running = await PrepareAsync(registration, old.Target, cancellationToken)
                .ConfigureAwait(false);
            lock (_connectors)
            {
                _connectors[name] = running;
            }
            LaunchTasks(running);
            return GetInfo(name);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task DeleteConnectorAsync(string connector, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var running = Find(connector);
            await StopTasksAsync(running).ConfigureAwait(false);
            lock (_connectors)
            {
                _connectors.Remove(connector);
            }
            ForgetActiveTopics(connector);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task StopConnectorAsync(string connector, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var running = Find(connector);
            running.Target = TargetState.STOPPED;
            await StopTasksAsync(running).ConfigureAwait(false);
            lock (running)
            {
                running.Slots.Clear();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public ConnectorInfo GetInfo(string connector)
    {
        var running = Find(connector);
        lock (running)
        {
            return new ConnectorInfo(
                connector,
                GivenConfig(running.Connector),
                [.. running.Slots.Select(s => s.Id)],
                running.Registration.IsSink
            );
        }
    }

    // The values the connector was given, ${...} references unresolved (as Kafka Connect returns
    // the submitted config) and secrets hidden as Kafka Connect hides a Password.
    internal static Dictionary<string, string> GivenConfig(ConfiguredConnector connector)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        if (connector.Given is { } given)
        {
            foreach (var (key, value) in given.Unresolved)
            {
                if (value is null)
                {
                    continue;
                }
                config[key] =
                    given.Definition.Find(key)?.IsSecret == true
                        ? Configuration.Password.Hidden
                        : Configuration.UrlRedaction.RedactIn(value) ?? value;
            }
            config.TryAdd("name", connector.Config.Name);
            return config;
        }
        // A connector read from a configuration section: its settings hold the worker's too, which
        // are not the connector's (and may hold the worker's secrets); with no definition to tell
        // secrets, a key named as a password is hidden.
        foreach (var (key, value) in connector.Config.Settings)
        {
            if (ConnectorConfig.IsWorkerKey(key))
            {
                continue;
            }
            config[key] = key.EndsWith("password", StringComparison.OrdinalIgnoreCase)
                ? Configuration.Password.Hidden
                : Configuration.UrlRedaction.RedactIn(value) ?? value;
        }
        return config;
    }

    /// <inheritdoc/>
    public async Task<ConnectorStatus> RestartAsync(
        string connector,
        bool includeTasks,
        bool onlyFailed,
        CancellationToken cancellationToken
    )
    {
        var running = Find(connector);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Kafka Connect's connector instance only checks and splits the config here: with no
            // tasks to restart, a restart checks the config again.
            StartingConnector(() => running.Registration.Check(_services, Settings()));
            if (!includeTasks)
            {
                return GetStatus(connector);
            }
            var slots = running
                .Slots.Where(s => !onlyFailed || s.Task.State == TaskState.FAILED)
                .ToList();
            foreach (var slot in slots)
            {
                slot.Restarting = true;
                slot.AutoRestarts = 0; // A restart by hand gives automatic restarts a new budget.
            }
            // The answer shows RESTARTING for what will restart (KIP-745's 202 Accepted).
            var status = GetStatus(connector);
            _ = RestartTasksInBackgroundAsync(running, slots);
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task RestartTaskAsync(
        string connector,
        int taskId,
        CancellationToken cancellationToken
    )
    {
        var running = Find(connector);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var slot =
                running.Slots.FirstOrDefault(s => s.Id == taskId)
                ?? throw new KeyNotFoundException($"Task {connector}-{taskId} not found");
            slot.AutoRestarts = 0;
            await RestartTasksAsync(running, [slot], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RestartTasksInBackgroundAsync(RunningConnector running, List<TaskSlot> slots)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await RestartTasksAsync(running, slots, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRestartFailed(_logger, running.Config.Name, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Stops each slot's task cleanly (a failed one has already ended) and starts a new one, which
    // resumes from the committed offsets. The caller holds the gate.
    private async Task RestartTasksAsync(
        RunningConnector running,
        List<TaskSlot> slots,
        CancellationToken cancellationToken
    )
    {
        foreach (var slot in slots)
        {
            slot.Restarting = true;
            await StopTaskAsync(slot).WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (running)
            {
                slot.Task = CreateTask(running, slot.Id);
                slot.Restarting = false;
                // A pending automatic restart of the old task no longer counts for readiness.
                slot.RestartDue = null;
                if (running.Slots.Contains(slot))
                {
                    Launch(running, slot);
                }
            }
        }
    }
}
