using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using KConnector.Hosting;
using KConnector.Worker;

namespace KConnector.Metrics;

/// <summary>
/// A worker's metrics under Kafka Connect's names (<c>connect-worker-metrics</c>,
/// <c>connector-metrics</c>'s <c>status</c>, <c>connector-task-metrics</c>'s <c>status</c>),
/// reported through <see cref="ConnectMeter"/> while the worker runs. The counts and states are
/// read from the worker when a listener collects; the startup totals are kept here.
/// </summary>
public sealed class WorkerMetrics
{
    // Every running worker of the process: the observable instruments read them all.
    private static readonly ConcurrentDictionary<WorkerMetrics, byte> Running = new();

    private static readonly string[] StateNames = Enum.GetNames<TaskState>()
        .Select(s => s.ToLowerInvariant())
        .ToArray();

    private readonly ConnectWorker _worker;
    private long _connectorAttempts;
    private long _connectorSuccesses;
    private long _connectorFailures;
    private long _taskAttempts;
    private long _taskSuccesses;
    private long _taskFailures;

    static WorkerMetrics()
    {
        var meter = ConnectMeter.Meter;
        meter.CreateObservableGauge(
            "connector-count",
            () => Running.Keys.Sum(w => w._worker.Connectors.Count),
            "{connector}",
            "The number of connectors run in this worker."
        );
        meter.CreateObservableGauge(
            "task-count",
            () => Running.Keys.Sum(w => w.Statuses().Sum(s => s.Tasks.Count)),
            "{task}",
            "The number of tasks run in this worker."
        );
        Total(
            "connector-startup-attempts-total",
            m => m.ConnectorStartupAttemptsTotal,
            "The total number of connector startups that this worker has attempted."
        );
        Total(
            "connector-startup-success-total",
            m => m.ConnectorStartupSuccessTotal,
            "The total number of connector starts that succeeded."
        );
        Total(
            "connector-startup-failure-total",
            m => m.ConnectorStartupFailureTotal,
            "The total number of connector starts that failed."
        );
        Total(
            "task-startup-attempts-total",
            m => m.TaskStartupAttemptsTotal,
            "The total number of task startups that this worker has attempted."
        );
        Total(
            "task-startup-success-total",
            m => m.TaskStartupSuccessTotal,
            "The total number of task starts that succeeded."
        );
        Total(
            "task-startup-failure-total",
            m => m.TaskStartupFailureTotal,
            "The total number of task starts that failed."
        );
        TaskCountByState();
        meter.CreateObservableGauge(
            "connector-status",
            ObserveConnectorStatus,
            "{state}",
            "Kafka Connect's connector-metrics status as a state set: 1 for the connector's current state (label status), 0 for the others."
        );
        meter.CreateObservableGauge(
            "connector-task-status",
            ObserveTaskStatus,
            "{state}",
            "Kafka Connect's connector-task-metrics status as a state set: 1 for the task's current state (label status), 0 for the others."
        );
    }

    internal WorkerMetrics(ConnectWorker worker) => _worker = worker;

    /// <summary><c>connector-startup-attempts-total</c>.</summary>
    public long ConnectorStartupAttemptsTotal => Interlocked.Read(ref _connectorAttempts);

    /// <summary><c>connector-startup-success-total</c>.</summary>
    public long ConnectorStartupSuccessTotal => Interlocked.Read(ref _connectorSuccesses);

    /// <summary><c>connector-startup-failure-total</c>.</summary>
    public long ConnectorStartupFailureTotal => Interlocked.Read(ref _connectorFailures);

    /// <summary><c>task-startup-attempts-total</c>.</summary>
    public long TaskStartupAttemptsTotal => Interlocked.Read(ref _taskAttempts);

    /// <summary><c>task-startup-success-total</c>.</summary>
    public long TaskStartupSuccessTotal => Interlocked.Read(ref _taskSuccesses);

    /// <summary><c>task-startup-failure-total</c>.</summary>
    public long TaskStartupFailureTotal => Interlocked.Read(ref _taskFailures);

    internal void Start() => Running[this] = 0;

    internal void Stop() => Running.TryRemove(this, out _);

    internal void RecordConnectorStartup(bool succeeded)
    {
        Interlocked.Increment(ref _connectorAttempts);
        Interlocked.Increment(ref succeeded ? ref _connectorSuccesses : ref _connectorFailures);
    }

    internal void RecordTaskStartup(bool succeeded)
    {
        Interlocked.Increment(ref _taskAttempts);
        Interlocked.Increment(ref succeeded ? ref _taskSuccesses : ref _taskFailures);
    }

    private static void Total(string name, Func<WorkerMetrics, long> read, string description) =>
        ConnectMeter.Meter.CreateObservableCounter(
            name,
            () => Running.Keys.Sum(read),
            "{start}",
            description
        );

    // connect-worker-metrics per connector: connector-{total,running,paused,...}-task-count.
    private static void TaskCountByState()
    {
        ConnectMeter.Meter.CreateObservableGauge(
            "connector-total-task-count",
            () => PerConnector(s => s.Tasks.Count),
            "{task}",
            "The number of tasks of the connector on the worker."
        );
        foreach (var state in Enum.GetValues<TaskState>().Where(s => s != TaskState.STOPPED))
        {
            var name = state.ToString().ToLowerInvariant();
            ConnectMeter.Meter.CreateObservableGauge(
                $"connector-{name}-task-count",
                () => PerConnector(s => s.Tasks.Count(t => t.State == state)),
                "{task}",
                $"The number of {name} tasks of the connector on the worker."
            );
        }
    }

    private static IEnumerable<Measurement<int>> PerConnector(Func<ConnectorStatus, int> count) =>
        Running
            .Keys.SelectMany(w => w.Statuses())
            .Select(s => new Measurement<int>(count(s), new TagList { { "connector", s.Name } }));

    private static IEnumerable<Measurement<int>> ObserveConnectorStatus() =>
        Running
            .Keys.SelectMany(w => w.Statuses())
            .SelectMany(s => StateSet(s.State, new TagList { { "connector", s.Name } }));

    private static IEnumerable<Measurement<int>> ObserveTaskStatus() =>
        Running
            .Keys.SelectMany(w => w.Statuses())
            .SelectMany(s =>
                s.Tasks.SelectMany(t =>
                    StateSet(t.State, new TagList { { "connector", s.Name }, { "task", t.Id } })
                )
            );

    // OpenMetrics' state set: one series per state, 1 for the current one, so that a state left
    // behind reads 0 rather than lingering.
    private static IEnumerable<Measurement<int>> StateSet(TaskState current, TagList tags)
    {
        var now = current.ToString().ToLowerInvariant();
        foreach (var state in StateNames)
        {
            var withState = tags;
            withState.Add("status", state);
            yield return new Measurement<int>(state == now ? 1 : 0, withState);
        }
    }

    // The statuses of the worker's connectors; one deleted meanwhile is left out.
    private List<ConnectorStatus> Statuses()
    {
        var statuses = new List<ConnectorStatus>();
        foreach (var name in _worker.Connectors)
        {
            try
            {
                statuses.Add(_worker.GetStatus(name));
            }
            catch (KeyNotFoundException)
            {
                // Deleted between the list and the read.
            }
        }
        return statuses;
    }
}
