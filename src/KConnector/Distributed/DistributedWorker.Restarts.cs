using KConnector.Hosting;
using KConnector.Worker;

namespace KConnector.Distributed;

// KIP-745's POST /connectors/{name}/restart on distributed workers: the leader writes the request
// to the config topic; each worker restarts what it runs of the connector.
public sealed partial class DistributedWorker
{
    async Task<ConnectorStatus> IConnectorController.RestartAsync(
        string connector,
        bool includeTasks,
        bool onlyFailed,
        CancellationToken cancellationToken
    )
    {
        await LeaderAsync("restart connectors", cancellationToken).ConfigureAwait(false);
        var status = ((IConnectorController)this).GetStatus(connector);
        await ConfigStore
            .PutRestartRequestAsync(
                new RestartRequest(connector, includeTasks, onlyFailed),
                cancellationToken
            )
            .ConfigureAwait(false);
        // Connect's answer: the plan, what restarts shown RESTARTING.
        bool Restarts(TaskState state) => !onlyFailed || state == TaskState.FAILED;
        return status with
        {
            State = Restarts(status.State) ? TaskState.RESTARTING : status.State,
            Tasks =
            [
                .. status.Tasks.Select(t =>
                    includeTasks && Restarts(t.State) ? t with { State = TaskState.RESTARTING } : t
                ),
            ],
        };
    }

    // Runs on the loop: the tasks of the connector this worker runs restart (its own unit only
    // checks an unchanged config, which answers as before: no new compilation for it).
    private async Task RestartRequestedAsync(CancellationToken stopping)
    {
        foreach (var request in ConfigStore.TakeRestartRequests())
        {
            var name = request.Connector;
            if (!request.IncludeTasks || !Worker.Connectors.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }
            var failed = Worker
                .GetStatus(name)
                .Tasks.Where(t => t.State == TaskState.FAILED)
                .Select(t => t.Id)
                .ToHashSet();
            foreach (var id in Worker.LocalTaskIds(name))
            {
                if (!request.OnlyFailed || failed.Contains(id))
                {
                    await Worker.RestartTaskAsync(name, id, stopping).ConfigureAwait(false);
                }
            }
        }
    }
}
