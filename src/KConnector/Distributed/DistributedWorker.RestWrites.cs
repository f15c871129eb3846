using KConnector.Hosting;

namespace KConnector.Distributed;

// Writes over REST, as Kafka Connect's DistributedHerder makes them: creating, reconfiguring,
// stopping and deleting a connector only on the leader (any other worker throws
// NotLeaderException with the leader's URL, and the REST layer forwards the request there);
// pause and resume write the target state from any worker; a task restarts where it runs.
public sealed partial class DistributedWorker
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    async Task<ConnectorInfo> IConnectorController.AddConnectorAsync(
        ConnectorRegistration registration,
        TargetState initialState,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(registration);
        await LeaderAsync("create connectors", cancellationToken).ConfigureAwait(false);
        var (name, config, view) = Given(registration);
        if (ConfigStore.Connectors.ContainsKey(name))
        {
            throw new ConnectorExistsException(name);
        }
        // The target state before the config, so that no worker starts a connector asked to be
        // PAUSED or STOPPED (Connect's putConnectorConfig with an initial state, KIP-980).
        if (initialState != TargetState.STARTED)
        {
            await ConfigStore
                .PutTargetStateAsync(name, initialState, cancellationToken)
                .ConfigureAwait(false);
        }
        await ConfigStore
            .PutConnectorConfigAsync(name, config, cancellationToken)
            .ConfigureAwait(false);
        await ConfigStore.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectorInfo(name, view.Shown, [], view.IsSink);
    }

    async Task<ConnectorInfo> IConnectorController.ReplaceConnectorAsync(
        ConnectorRegistration registration,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(registration);
        await LeaderAsync("set connector configs", cancellationToken).ConfigureAwait(false);
        var (name, config, view) = Given(registration);
        _ = ConfigOf(name);
        await ConfigStore
            .PutConnectorConfigAsync(name, config, cancellationToken)
            .ConfigureAwait(false);
        await ConfigStore.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectorInfo(
            name,
            view.Shown,
            [.. Enumerable.Range(0, ConfigStore.TaskCount(name))],
            view.IsSink
        );
    }

    async Task IConnectorController.DeleteConnectorAsync(
        string connector,
        CancellationToken cancellationToken
    )
    {
        await LeaderAsync("delete connectors", cancellationToken).ConfigureAwait(false);
        _ = ConfigOf(connector);
        await ConfigStore
            .RemoveConnectorConfigAsync(connector, cancellationToken)
            .ConfigureAwait(false);
        await ConfigStore.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    async Task IConnectorController.StopConnectorAsync(
        string connector,
        CancellationToken cancellationToken
    )
    {
        // The leader writes STOPPED, then empty task configs for it (LeadAsync), as KIP-875.
        await LeaderAsync("stop connectors", cancellationToken).ConfigureAwait(false);
        _ = ConfigOf(connector);
        await ConfigStore
            .PutTargetStateAsync(connector, TargetState.STOPPED, cancellationToken)
            .ConfigureAwait(false);
        await ConfigStore.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    // Connect's pauseConnector / resumeConnector write the target state from whichever worker
    // got the request; every worker applies it to the tasks it runs.
    void IConnectorController.Pause(string connector) =>
        PutTargetState(connector, TargetState.PAUSED);

    void IConnectorController.Resume(string connector) =>
        PutTargetState(connector, TargetState.STARTED);

    private void PutTargetState(string connector, TargetState state)
    {
        _ = ConfigOf(connector);
        using var timeout = new CancellationTokenSource(WriteTimeout);
        ConfigStore.PutTargetStateAsync(connector, state, timeout.Token).GetAwaiter().GetResult();
    }

    async Task IConnectorController.RestartAsync(
        string connector,
        CancellationToken cancellationToken
    ) =>
        await ((IConnectorController)this)
            .RestartAsync(connector, includeTasks: true, onlyFailed: false, cancellationToken)
            .ConfigureAwait(false);

    async Task IConnectorController.RestartTaskAsync(
        string connector,
        int taskId,
        CancellationToken cancellationToken
    )
    {
        _ = ConfigOf(connector);
        if (taskId < 0 || taskId >= ConfigStore.TaskCount(connector))
        {
            throw new KeyNotFoundException($"Task {connector}-{taskId} not found");
        }
        if (Worker.LocalTaskIds(connector).Contains(taskId))
        {
            await Worker
                .RestartTaskAsync(connector, taskId, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        // Connect's restartTask: only the worker that runs the task restarts it.
        var owner = ConfigStore.Assignment.OwnerOf(new WorkUnit(connector, taskId));
        throw new NotAssignedException(
            $"Cannot restart task {connector}-{taskId}: it is not assigned to this worker",
            owner is null ? null : ConfigStore.UrlOf(owner)
        );
    }

    // Only the leader writes connector configs; it reads the config topic to its end first, so
    // that it decides on what every earlier write left (Connect refuses with a stale config).
    private async Task LeaderAsync(string action, CancellationToken cancellationToken)
    {
        if (!_membership.Partitions.Contains(0))
        {
            var leader = ConfigStore.PartitionOwners.GetValueOrDefault(0);
            throw new NotLeaderException(
                $"Only the leader can {action}.",
                leader is null || leader == WorkerId ? null : ConfigStore.UrlOf(leader)
            );
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WriteTimeout);
        await ConfigStore.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
    }

    // The config a registration was made of, as the config topic keeps it (secrets as given, so
    // that the worker that runs it has them, as Connect's config topic holds them): the config
    // given over REST, build-time keys included, else what the registration validated.
    private (string Name, IReadOnlyDictionary<string, string> Config, ConnectorView View) Given(
        ConnectorRegistration registration
    )
    {
        var configured = registration.Check(NoServices.Instance, Worker.SettingsForValidation());
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        if (registration.GivenConfig is { } asGiven)
        {
            foreach (var (key, value) in asGiven)
            {
                config[key] = value;
            }
        }
        else if (configured.Given is { } given)
        {
            // As given, ${...} unresolved: the config topic holds no value read from a provider
            // (Connect writes the submitted config; each worker resolves it with its own providers).
            foreach (var (key, value) in given.Unresolved)
            {
                if (value is not null)
                {
                    config[key] = value;
                }
            }
        }
        else
        {
            foreach (var (key, value) in configured.Config.Settings)
            {
                if (!KConnector.Worker.ConnectorConfig.IsWorkerKey(key))
                {
                    config[key] = value;
                }
            }
        }
        config["name"] = configured.Config.Name;
        var view = new ConnectorView(
            config,
            ConnectWorker.GivenConfig(configured),
            registration.IsSink
        );
        return (configured.Config.Name, config, view);
    }
}
