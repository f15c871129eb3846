using KConnector.Worker;

namespace KConnector.Distributed;

// A unit revoked from this worker is given to another once this worker says, in the status topic,
// that it no longer runs it (UNASSIGNED). A unit this worker stopped says so as it stops; one it
// was given and lost again before it ever started it (two generations in quick succession, as in
// a rolling restart) says so here, or it would wait for that word forever.
public sealed partial class DistributedWorker
{
    private async Task ReleaseRevokedAsync(CancellationToken stopping)
    {
        var assignment = ConfigStore.Assignment;
        foreach (var (unit, revoked) in assignment.Revoked)
        {
            if (revoked.From != WorkerId)
            {
                continue;
            }
            lock (_state)
            {
                if (_startedAt.ContainsKey(unit))
                {
                    continue; // Still stopping: ApplyAsync writes UNASSIGNED once it stopped.
                }
            }
            if (
                StatusStore.Get(unit) is { State: TaskState.UNASSIGNED } status
                && status.WorkerId == WorkerId
                && status.Generation >= revoked.Generation
            )
            {
                continue;
            }
            await PutUnassignedAsync(unit, assignment.Generation, stopping).ConfigureAwait(false);
        }
    }
}
