using KConnector.Worker;

namespace KConnector.Distributed;

// Statuses: written when they change; read to fence a unit another worker runs in a newer generation.
public sealed partial class DistributedWorker
{
    private async Task ReportAsync(CancellationToken stopping)
    {
        foreach (var name in Worker.Connectors)
        {
            var status = Worker.GetStatus(name);
            foreach (var task in status.Tasks)
            {
                var unit = new WorkUnit(name, task.Id);
                long generation;
                lock (_state)
                {
                    if (!_startedAt.TryGetValue(unit, out generation))
                    {
                        continue;
                    }
                }
                await PutStatusAsync(
                        new UnitStatus(unit, task.State, task.Trace, WorkerId, generation),
                        stopping
                    )
                    .ConfigureAwait(false);
            }
        }
    }

    // UNASSIGNED: this worker no longer runs the unit, as of the generation that took it away.
    private Task PutUnassignedAsync(WorkUnit unit, long generation, CancellationToken stopping) =>
        PutStatusAsync(
            new UnitStatus(unit, TaskState.UNASSIGNED, null, WorkerId, generation),
            stopping
        );

    private async Task PutStatusAsync(UnitStatus status, CancellationToken stopping)
    {
        // Connect's putSafe: never overwrite another worker's status of a newer generation.
        if (
            StatusStore.Get(status.Unit) is { } existing
            && existing.WorkerId != WorkerId
            && existing.Generation > status.Generation
        )
        {
            return;
        }
        lock (_state)
        {
            if (
                _reported.TryGetValue(status.Unit, out var last)
                && last == (status.State, status.Generation)
            )
            {
                return;
            }
        }
        await StatusStore.PutAsync(status, stopping).ConfigureAwait(false);
        lock (_state)
        {
            _reported[status.Unit] = (status.State, status.Generation);
        }
    }

    // Another worker runs a unit of ours in a newer generation: ours is a zombie and stops.
    private void OnStatus(UnitStatus status)
    {
        if (status.WorkerId == WorkerId || status.State != TaskState.RUNNING)
        {
            return;
        }
        lock (_state)
        {
            if (!_startedAt.TryGetValue(status.Unit, out var ours) || status.Generation <= ours)
            {
                return;
            }
            _fenced[status.Unit] = status.Generation;
        }
        Signal();
    }

    // A clean stop: every unit stops here and is reported UNASSIGNED before the worker leaves.
    private async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        var assignment = ConfigStore.Assignment;
        foreach (var name in Worker.Connectors)
        {
            await Worker.DeleteConnectorAsync(name, cancellationToken).ConfigureAwait(false);
        }
        List<WorkUnit> units;
        lock (_state)
        {
            units = [.. _startedAt.Keys];
        }
        await UnassignedAsync(units, assignment, cancellationToken).ConfigureAwait(false);
    }
}
