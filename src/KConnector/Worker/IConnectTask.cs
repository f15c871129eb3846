using KConnector.Metrics;

namespace KConnector.Worker;

/// <summary>
/// A running source or sink task as the worker's control API sees it, independent of its key and
/// value types: its identity, state, failure and metrics, and pause/resume.
/// </summary>
public interface IConnectTask
{
    /// <summary>The connector's name.</summary>
    string ConnectorName { get; }

    /// <summary>The task's id.</summary>
    int TaskId { get; }

    /// <summary>The current state.</summary>
    TaskState State { get; }

    /// <summary>Why the task failed, when <see cref="State"/> is <see cref="TaskState.FAILED"/>.</summary>
    Exception? Failure { get; }

    /// <summary>Records handled so far: acknowledged by Kafka (source) or put and committed (sink).</summary>
    long RecordsProcessed { get; }

    /// <summary>The task's metrics.</summary>
    TaskMetrics Metrics { get; }

    /// <summary>
    /// While the task waits for a dependency that cannot be reached (the Schema Registry, Kafka):
    /// what it waits for, since when and why; null otherwise. The record it holds is kept, never
    /// dead-lettered (docs/worker.md, "Waiting for a dependency").
    /// </summary>
    string? WaitingFor => null;

    /// <summary>Stops polling (source) or putting (sink) until <see cref="Resume"/>; finished work is still committed.</summary>
    void Pause();

    /// <summary>Undoes <see cref="Pause"/>.</summary>
    void Resume();

    /// <summary>Runs the task until <paramref name="stoppingToken"/> is cancelled (a clean stop) or it fails.</summary>
    Task RunAsync(CancellationToken stoppingToken);

    /// <summary>
    /// Releases what a task that was made but never run holds (its task object, its converters'
    /// Schema Registry clients), as a run's end would: a start that fails part-way (a later task or
    /// connector refused) calls it for every task it had made. Does nothing once the task has run.
    /// </summary>
    ValueTask ReleaseUnrunAsync() => ValueTask.CompletedTask;
}
