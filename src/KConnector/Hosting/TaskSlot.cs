using KConnector.Worker;

namespace KConnector.Hosting;

/// <summary>
/// One task id of a running connector: its current task, the run in progress and the token that
/// stops it. A slot outlives its task: a restart (by hand or automatic) puts a new task into it.
/// </summary>
internal sealed class TaskSlot(int id, IConnectTask task)
{
    public int Id { get; } = id;

    public IConnectTask Task { get; set; } = task;

    public Task? Run { get; set; }

    public CancellationTokenSource? Stop { get; set; }

    /// <summary>Set while the slot's task is being replaced, so its status reads RESTARTING.</summary>
    public bool Restarting { get; set; }

    /// <summary>Automatic restarts made since the task last ran without failing.</summary>
    public int AutoRestarts { get; set; }

    /// <summary>When an automatic restart of the failed task is due; null when none is scheduled.</summary>
    public DateTimeOffset? RestartDue { get; set; }

    public TaskState State => Restarting ? TaskState.RESTARTING : Task.State;
}
