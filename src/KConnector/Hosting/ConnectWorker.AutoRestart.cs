using KConnector.Worker;

namespace KConnector.Hosting;

// Beyond Kafka Connect (where a FAILED task waits for an operator): when the connector's config
// asks for it (task.restart.auto.enable), a failed task is restarted after a backoff that doubles
// from task.restart.backoff.initial.ms up to task.restart.backoff.max.ms, at most
// task.restart.max.attempts times in a row; then it stays FAILED with its trace.
public sealed partial class ConnectWorker
{
    /// <inheritdoc/>
    public bool IsReady
    {
        get
        {
            lock (_connectors)
            {
                return _connectors
                    .Values.Where(c => c.Target != TargetState.STOPPED)
                    .SelectMany(c => c.Slots)
                    .All(s =>
                        s.State is TaskState.RUNNING or TaskState.PAUSED or TaskState.RESTARTING
                        || (s.State == TaskState.FAILED && s.RestartDue is not null)
                    );
            }
        }
    }

    private void ScheduleAutoRestart(
        RunningConnector connector,
        TaskSlot slot,
        IConnectTask failed,
        CancellationToken stoppingToken
    )
    {
        var policy = connector.Config.AutoRestart;
        if (!policy.Enabled || stoppingToken.IsCancellationRequested)
        {
            return;
        }
        if (slot.AutoRestarts >= policy.MaxAttempts)
        {
            LogAutoRestartGaveUp(_logger, connector.Config.Name, slot.Id, policy.MaxAttempts);
            return;
        }
        slot.AutoRestarts++;
        var delay = policy.Backoff(slot.AutoRestarts);
        slot.RestartDue = DateTimeOffset.UtcNow + delay;
        LogAutoRestart(
            _logger,
            connector.Config.Name,
            slot.Id,
            (long)delay.TotalMilliseconds,
            slot.AutoRestarts,
            policy.MaxAttempts
        );
        _ = AutoRestartAsync(connector, slot, failed, delay, stoppingToken);
    }

    private async Task AutoRestartAsync(
        RunningConnector connector,
        TaskSlot slot,
        IConnectTask failed,
        TimeSpan delay,
        CancellationToken stoppingToken
    )
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            await _gate.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // The task was stopped, restarted by hand or deleted meanwhile.
        }
        try
        {
            // Only if nobody replaced the failed task in the meantime.
            if (ReferenceEquals(slot.Task, failed) && connector.Slots.Contains(slot))
            {
                slot.RestartDue = null;
                await RestartTasksAsync(connector, [slot], CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRestartFailed(_logger, connector.Config.Name, e);
        }
        finally
        {
            _gate.Release();
        }
    }
}
