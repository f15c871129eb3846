using System.Diagnostics;
using KConnector.Hosting;
using KConnector.Worker;
using Microsoft.Extensions.Logging;

namespace KConnector.Distributed;

// KIP-875 on distributed workers, as Kafka Connect's DistributedHerder: any worker reads a
// connector's offsets (a source's from its offsets topic, a sink's from its consumer group), running
// or STOPPED; only the leader alters or resets them (a follower's request is forwarded there, 409
// during a rebalance), and only once the connector is STOPPED and has no task configs left.
public sealed partial class DistributedWorker
{
    private static readonly TimeSpan OffsetsTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TasksStopWait = TimeSpan.FromSeconds(15);

    IReadOnlyList<ConnectorOffset> IConnectorController.GetOffsets(string connector)
    {
        using var timeout = new CancellationTokenSource(OffsetsTimeout);
        return ((IConnectorController)this)
            .GetOffsetsAsync(connector, timeout.Token)
            .GetAwaiter()
            .GetResult();
    }

    async Task<IReadOnlyList<ConnectorOffset>> IConnectorController.GetOffsetsAsync(
        string connector,
        CancellationToken cancellationToken
    )
    {
        var (config, isSink, servers) = OffsetsOf(connector);
        return isSink
            ? await SinkGroupOffsets
                .ReadAsync(config, servers, cancellationToken)
                .ConfigureAwait(false)
            : await SourceOffsetsTopic
                .ReadAsync(config, servers, cancellationToken)
                .ConfigureAwait(false);
    }

    Task IConnectorController.AlterOffsetsAsync(
        string connector,
        IReadOnlyList<ConnectorOffset> offsets,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(offsets);
        return ModifyOffsetsAsync(connector, offsets, cancellationToken);
    }

    Task IConnectorController.ResetOffsetsAsync(
        string connector,
        CancellationToken cancellationToken
    ) => ModifyOffsetsAsync(connector, null, cancellationToken);

    // Connect's modifyConnectorOffsets: null offsets reset them all.
    private async Task ModifyOffsetsAsync(
        string connector,
        IReadOnlyList<ConnectorOffset>? offsets,
        CancellationToken cancellationToken
    )
    {
        await LeaderAsync("modify connector offsets", cancellationToken).ConfigureAwait(false);
        var (config, isSink, servers) = OffsetsOf(connector);
        if (
            ConfigStore.TargetState(connector) != TargetState.STOPPED
            || ConfigStore.TaskCount(connector) != 0
        )
        {
            throw new ConnectorStateException(
                $"Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/{connector}/stop' endpoint"
            );
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OffsetsTimeout);
        await TasksStoppedAsync(connector, timeout.Token).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        string written;
        if (isSink)
        {
            await (
                offsets is null
                    ? SinkGroupOffsets.ResetAsync(config, servers, timeout.Token)
                    : SinkGroupOffsets.AlterAsync(config, servers, offsets, timeout.Token)
            ).ConfigureAwait(false);
            written = offsets is null ? "consumer group deleted" : $"{offsets.Count} partition(s)";
        }
        else
        {
            if (config.ExactlyOnce.Transactional)
            {
                await FencePreviousGenerationAsync(connector, config, timeout.Token)
                    .ConfigureAwait(false);
            }
            var records = await SourceOffsetsTopic
                .WriteAsync(config, servers, offsets, timeout.Token)
                .ConfigureAwait(false);
            written = $"{records} partition(s)";
        }
        LogOffsetsModified(
            _logger,
            WorkerId,
            offsets is null ? "reset" : "altered",
            connector,
            written,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds
        );
    }

    // Connect fences an exactly-once source's zombies before it writes its offsets: a task of the
    // last generation that has not noticed the stop yet cannot then commit over them. The write
    // itself (under task 0's transactional id) fences task 0 again.
    private async Task FencePreviousGenerationAsync(
        string connector,
        ConnectorConfig config,
        CancellationToken cancellationToken
    )
    {
        if (ConfigStore.TaskCountRecord(connector) is not { } count || count == 0)
        {
            return; // No transactional task ran yet.
        }
        var ids = Enumerable
            .Range(0, count)
            .Select(t => config.ExactlyOnce.TransactionalId(connector, t));
        await FenceAsync(config, [.. ids], cancellationToken).ConfigureAwait(false);
    }

    // Connect checks the config topic only (STOPPED, no task configs); a task told to stop may
    // still be committing its last offsets on its worker, which would write over the new ones. So
    // the leader also waits, bounded, until no live worker reports a task of the connector running
    // (each writes UNASSIGNED once it stopped one); a departed worker's reports do not count.
    private async Task TasksStoppedAsync(string connector, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TasksStopWait;
        while (RunningTask(connector) is { } running)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ConnectorStateException(
                    $"Connector {connector} is STOPPED, but its task {running.Unit.Task} still reports {running.State} on worker {running.WorkerId} after {TasksStopWait.TotalSeconds:0} s: its offsets can be modified once its tasks have stopped; retry the request"
                );
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private UnitStatus? RunningTask(string connector)
    {
        var live = ConfigStore.PartitionOwners.Values.ToHashSet(StringComparer.Ordinal);
        return StatusStore
            .All.Values.Where(s =>
                s.Unit.Connector == connector
                && !s.Unit.IsConnector
                && s.State is TaskState.RUNNING or TaskState.PAUSED or TaskState.RESTARTING
                && live.Contains(s.WorkerId)
            )
            .OrderBy(s => s.Unit)
            .FirstOrDefault();
    }

    // The connector's config as its tasks would run it (its group, its offsets topic, its client
    // settings), whether or not it runs anywhere.
    private (ConnectorConfig Config, bool IsSink, string BootstrapServers) OffsetsOf(
        string connector
    )
    {
        var registration = _connectors(ConfigOf(connector));
        var config = registration.Check(NoServices.Instance, Worker.SettingsForValidation()).Config;
        return (config, registration.IsSink, config.BootstrapServers ?? Worker.BootstrapServers);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Leader {Worker}: {Action} the offsets of connector {Connector} ({Written}) in {Milliseconds:0} ms"
    )]
    private static partial void LogOffsetsModified(
        ILogger logger,
        string worker,
        string action,
        string connector,
        string written,
        double milliseconds
    );
}
