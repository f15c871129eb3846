using KConnector.Hosting;

namespace KConnector.Distributed;

// The leader's part: task configs for each connector, then the assignment.
public sealed partial class DistributedWorker
{
    private async Task LeadAsync(CancellationToken stopping)
    {
        var connectors = ConfigStore.Connectors;
        foreach (var (name, config) in connectors)
        {
            await WriteTaskConfigsAsync(name, config, stopping).ConfigureAwait(false);
        }
        await FenceZombiesAsync(stopping).ConfigureAwait(false);
        var units = new List<WorkUnit>();
        foreach (var name in connectors.Keys)
        {
            units.Add(new WorkUnit(name, null));
            for (var id = 0; id < ConfigStore.TaskCount(name); id++)
            {
                units.Add(new WorkUnit(name, id));
            }
        }
        var current = ConfigStore.Assignment;
        var members = ConfigStore.PartitionOwners.Values.Distinct().ToList();
        var next = IncrementalAssignor.Assign(
            current,
            members,
            units,
            Released,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            _config.ScheduledRebalanceMaxDelay
        );
        if (next.SameAs(current))
        {
            return;
        }
        await ConfigStore.PutAssignmentAsync(next, stopping).ConfigureAwait(false);
        // Read the answer back before the next turn, which computes from it.
        await ConfigStore.ReadToEndAsync(stopping).ConfigureAwait(false);
        LogAssignment(
            _logger,
            WorkerId,
            next.Generation,
            members.Count,
            units.Count,
            next.Revoked.Count
        );
    }

    // A revoked unit is free once its old owner said, in this generation or a later one, that it
    // no longer runs it.
    private bool Released(WorkUnit unit, RevokedUnit revoked) =>
        StatusStore.Get(unit) is { } status
        && status.WorkerId == revoked.From
        && status.Generation >= revoked.Generation
        && status.State is KConnector.Worker.TaskState.UNASSIGNED;

    // Connect's leader writes a connector's task configs and the commit record that makes them
    // count; here every task takes the connector's config (the framework splits the work by
    // task id), and a STOPPED connector has none (KIP-875).
    private async Task WriteTaskConfigsAsync(
        string name,
        IReadOnlyDictionary<string, string> config,
        CancellationToken stopping
    )
    {
        var count = ConfigStore.TargetState(name) == TargetState.STOPPED ? 0 : TaskCountOf(config);
        var first = ConfigStore.FirstTaskConfig(name);
        var same =
            first is not null
            && first.Count == config.Count
            && config.All(kv => first.GetValueOrDefault(kv.Key) == kv.Value);
        if (ConfigStore.TaskCount(name) == count && (same || count == 0))
        {
            return;
        }
        await ConfigStore
            .PutTaskConfigsAsync(name, [.. Enumerable.Repeat(config, count)], stopping)
            .ConfigureAwait(false);
        await ConfigStore.ReadToEndAsync(stopping).ConfigureAwait(false);
    }

    // tasks.max, capped by what the connector can split (Connect's taskConfigs(maxTasks)); an
    // invalid config runs no task (its connector's owner reports it FAILED).
    private int TaskCountOf(IReadOnlyDictionary<string, string> config)
    {
        if (Registration(config) is not { } registration)
        {
            return 0;
        }
        var tasksMax = int.TryParse(
            config.GetValueOrDefault("tasks.max", "1"),
            System.Globalization.CultureInfo.InvariantCulture,
            out var max
        )
            ? max
            : 1;
        return Math.Max(0, Math.Min(tasksMax, registration.TaskLimit ?? int.MaxValue));
    }

    [Microsoft.Extensions.Logging.LoggerMessage(
        Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "Leader {Worker}: generation {Generation}, {Members} member(s), {Units} unit(s), {Revoked} revoked"
    )]
    private static partial void LogAssignment(
        Microsoft.Extensions.Logging.ILogger logger,
        string worker,
        long generation,
        int members,
        int units,
        int revoked
    );
}
