using KConnector.Offsets;

namespace KConnector.Hosting;

// Distributed mode (src/KConnector/Distributed): the group decides which of a connector's tasks
// this worker runs; the herder hands the answer here, and the worker runs exactly those.
public sealed partial class ConnectWorker
{
    /// <summary>
    /// Runs exactly <paramref name="taskIds"/> of the connector: stops the others cleanly (their
    /// offsets committed) and starts the new ones after reading the offsets topic to its end, so
    /// that a task moved from another worker resumes from that worker's last commit. None: the
    /// connector leaves this worker.
    /// </summary>
    internal async Task AssignTasksAsync(
        string name,
        ConnectorRegistration registration,
        IReadOnlySet<int> taskIds,
        TargetState target,
        CancellationToken cancellationToken
    )
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RunningConnector? running;
            lock (_connectors)
            {
                _connectors.TryGetValue(name, out running);
            }
            if (running is null)
            {
                if (taskIds.Count == 0)
                {
                    return;
                }
                running = await PrepareAsync(registration, target, cancellationToken, taskIds)
                    .ConfigureAwait(false);
                await ReadOffsetsToEndAsync(running.Store, cancellationToken).ConfigureAwait(false);
                lock (_connectors)
                {
                    _connectors.Add(name, running);
                }
                LaunchTasks(running);
                return;
            }
            await ReassignAsync(running, taskIds, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReassignAsync(
        RunningConnector running,
        IReadOnlySet<int> taskIds,
        CancellationToken cancellationToken
    )
    {
        foreach (var slot in running.Slots.Where(s => !taskIds.Contains(s.Id)).ToList())
        {
            await StopTaskAsync(slot).ConfigureAwait(false);
            lock (running)
            {
                running.Slots.Remove(slot);
            }
        }
        running.Assigned = taskIds;
        var added = taskIds
            .Where(id => id < running.TaskCount && running.Slots.All(s => s.Id != id))
            .Order()
            .ToList();
        if (added.Count > 0 && running.Target != TargetState.STOPPED)
        {
            await ReadOffsetsToEndAsync(running.Store, cancellationToken).ConfigureAwait(false);
            lock (running)
            {
                foreach (var id in added)
                {
                    var slot = new TaskSlot(id, CreateTask(running, id));
                    running.Slots.Add(slot);
                    Launch(running, slot);
                }
            }
        }
        if (taskIds.Count == 0)
        {
            lock (_connectors)
            {
                _connectors.Remove(running.Config.Name);
            }
        }
    }

    private static async Task ReadOffsetsToEndAsync(
        IOffsetBackingStore? store,
        CancellationToken cancellationToken
    )
    {
        if (store is KafkaOffsetBackingStore kafka)
        {
            await kafka.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The worker's settings, as a connector's config is validated over them.</summary>
    internal IReadOnlyDictionary<string, string> SettingsForValidation() => Settings();

    /// <summary>The task ids of <paramref name="name"/> this worker runs (none when it holds no such connector).</summary>
    internal IReadOnlyList<int> LocalTaskIds(string name)
    {
        lock (_connectors)
        {
            return _connectors.TryGetValue(name, out var running)
                ? [.. running.Slots.Select(s => s.Id)]
                : [];
        }
    }

    /// <summary>The target state this worker holds the connector in, or null when it holds no such connector.</summary>
    internal TargetState? LocalTarget(string name)
    {
        lock (_connectors)
        {
            return _connectors.TryGetValue(name, out var running) ? running.Target : null;
        }
    }
}
