using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Errors;
using KConnector.Metrics;
using KConnector.Offsets;
using KConnector.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KConnector.Hosting;

/// <summary>
/// A standalone Kafka Connect worker as a .NET hosted service: starts every registered connector's
/// <c>tasks.max</c> tasks when the host starts and stops them cleanly (flush, commit, leave the
/// group) when it stops. Settings are Kafka Connect's keys: the worker's section gives defaults,
/// each connector's settings override them (its own <c>bootstrap.servers</c> too). With no
/// <c>bootstrap.servers</c> it runs on the embedded, in-process cluster of
/// <see cref="ConnectorEnvironment"/>, which says loudly that nothing is durable. Every connector's
/// settings are validated before any task starts, so an invalid one fails the host's start. A
/// failed task stays FAILED (as in Kafka Connect) until restarted (or, when its config asks,
/// restarts by itself after a backoff). Connectors are added, reconfigured, stopped and deleted
/// at run time as Kafka Connect's REST API asks (<see cref="IConnectorController"/>).
/// </summary>
public sealed partial class ConnectWorker : IHostedService, IConnectorController, IAsyncDisposable
{
    private readonly ConnectWorkerOptions _options;
    private readonly IReadOnlyList<ConnectorRegistration> _registrations;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ConnectorEnvironment _environment;
    private readonly Dictionary<string, RunningConnector> _connectors = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly WorkerOffsetStores _offsetStores = new();

    /// <summary>Creates the worker; the host calls <see cref="StartAsync"/>.</summary>
    public ConnectWorker(
        IOptions<ConnectWorkerOptions> options,
        IEnumerable<ConnectorRegistration> registrations,
        IServiceProvider services,
        ILoggerFactory loggers,
        ConnectorEnvironment environment
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _options = options.Value;
        _registrations = registrations.ToList();
        _services = services;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ConnectWorker>();
        Metrics = new WorkerMetrics(this);
    }

    /// <summary>
    /// The worker's metrics under Kafka Connect's names (<c>connect-worker-metrics</c>), reported
    /// through <see cref="ConnectMeter"/> from start to stop, with each connector's and task's status.
    /// </summary>
    public WorkerMetrics Metrics { get; }

    /// <summary>
    /// Creates a worker outside a .NET host, as Kafka Connect's standalone mode runs one: the
    /// worker's settings (<c>bootstrap.servers</c>, <c>offset.storage.file.filename</c>,
    /// <c>offset.flush.interval.ms</c>, <c>producer.*</c>, ...) are the defaults of every
    /// connector's. Call <see cref="RunAsync"/>, or <see cref="StartAsync"/> and <see cref="StopAsync"/>.
    /// </summary>
    public ConnectWorker(
        IReadOnlyDictionary<string, string> workerSettings,
        IEnumerable<ConnectorRegistration> registrations,
        ConnectorEnvironment environment,
        ILoggerFactory? loggers = null
    )
        : this(
            Microsoft.Extensions.Options.Options.Create(ConnectWorkerOptions.From(workerSettings)),
            registrations,
            NoServices.Instance,
            loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            environment
        ) { }

    /// <summary>
    /// A worker of its own for one connector, as a generated worker's <c>RunAsync</c> runs it:
    /// offsets in memory, committed after every batch (<c>offset.flush.interval.ms</c> 0), which
    /// suits tests and code that wait for records to be committed; every log line goes to
    /// <paramref name="logger"/>.
    /// </summary>
    public static ConnectWorker ForConnector(
        ConnectorRegistration registration,
        ConnectorEnvironment environment,
        ILogger logger
    ) =>
        new(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["offset.flush.interval.ms"] = "0",
            },
            [registration],
            environment,
            new SingleLoggerFactory(logger)
        );

    /// <summary>The worker's bootstrap servers (the embedded cluster's when none was configured; a connector may name its own).</summary>
    public string BootstrapServers => _environment.BootstrapServers(_options.BootstrapServers);

    /// <inheritdoc/>
    public IReadOnlyList<string> Connectors
    {
        get
        {
            lock (_connectors)
            {
                return [.. _connectors.Keys];
            }
        }
    }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Validate every connector and make every task before running any: an invalid config
        // (a key's own rule, or a connector's rule across keys found as its task is made) fails
        // the start with every issue named, and leaves nothing running.
        Metrics.Start();
        var ready = new List<RunningConnector>();
        try
        {
            foreach (var registration in _registrations)
            {
                ready.Add(
                    await PrepareAsync(registration, TargetState.STARTED, cancellationToken)
                        .ConfigureAwait(false)
                );
            }
        }
        catch
        {
            // A later connector refused: the tasks already made never run, so they are released
            // here (a file a sink opened, a registry client) before the failure is reported.
            foreach (var made in ready)
            {
                await ReleaseUnrunAsync(made).ConfigureAwait(false);
            }
            throw;
        }
        foreach (var running in ready)
        {
            lock (_connectors)
            {
                _connectors.Add(running.Config.Name, running);
            }
            LaunchTasks(running);
        }
    }

    // Validates a registration over the worker's settings and makes its tasks (none when it is to
    // start STOPPED), without running them.
    private async Task<RunningConnector> PrepareAsync(
        ConnectorRegistration registration,
        TargetState target,
        CancellationToken cancellationToken,
        IReadOnlySet<int>? assigned = null
    )
    {
        // A config that fails its checks is a failed startup; a valid one counts once its tasks
        // are made (a connector to start STOPPED is not started, as in Kafka Connect).
        var connector =
            target == TargetState.STOPPED
                ? registration.Check(_services, Settings())
                : StartingConnector(
                    () => registration.Check(_services, Settings()),
                    countSuccess: false
                );
        var config = connector.Config;
        var servers = config.BootstrapServers ?? BootstrapServers;
        var tasks = Math.Min(config.TasksMax, registration.TaskLimit ?? int.MaxValue);
        if (tasks < config.TasksMax)
        {
            LogTasksCapped(_logger, config.Name, config.TasksMax, tasks);
        }
        var store = registration.IsSink
            ? null
            : await _offsetStores
                .GetAsync(config, servers, cancellationToken)
                .ConfigureAwait(false);
        var running = new RunningConnector(registration, connector, servers, tasks, store)
        {
            Target = target,
            Assigned = assigned,
        };
        if (target != TargetState.STOPPED)
        {
            try
            {
                StartingConnector(() => CreateTasks(running));
            }
            catch
            {
                // A later task refused (its connector's rules across keys): release the ones made.
                await ReleaseUnrunAsync(running).ConfigureAwait(false);
                throw;
            }
        }
        return running;
    }

    private static async Task ReleaseUnrunAsync(RunningConnector connector)
    {
        foreach (var slot in connector.Slots)
        {
            await slot.Task.ReleaseUnrunAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the registered connectors outside a .NET host (a generated worker's <c>RunAsync</c>,
    /// <c>kconnector run</c>): starts them, waits until <paramref name="stoppingToken"/> is
    /// cancelled or every task has ended, then stops them cleanly (sinks flush, offsets commit).
    /// Throws the first task's failure, if any task failed.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await StartAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(Runs()).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A clean stop, asked for.
        }
        finally
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        if (FirstFailure() is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Records the tasks of <paramref name="connector"/> have handled (acknowledged, or put and committed), also after they stopped.</summary>
    public long RecordsProcessed(string connector)
    {
        lock (_connectors)
        {
            return _connectors.TryGetValue(connector, out var running)
                ? running.Tasks.Sum(t => t.RecordsProcessed)
                : 0;
        }
    }

    /// <summary>The first failure of any task of any connector, or null.</summary>
    public Exception? FirstFailure()
    {
        lock (_connectors)
        {
            return _connectors
                .Values.SelectMany(c => c.Tasks)
                .FirstOrDefault(t => t.State == TaskState.FAILED)
                ?.Failure;
        }
    }

    private List<Task> Runs()
    {
        lock (_connectors)
        {
            return
            [
                .. _connectors.Values.SelectMany(c => c.Slots).Select(s => s.Run).OfType<Task>(),
            ];
        }
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(_options.Settings, StringComparer.Ordinal);
        if (_options.BootstrapServers is null)
        {
            settings.Remove("bootstrap.servers");
        }
        return settings;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<RunningConnector> connectors;
        lock (_connectors)
        {
            connectors = [.. _connectors.Values];
        }
        await Task.WhenAll(connectors.Select(c => StopTasksAsync(c)))
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        Metrics.Stop();
        await _offsetStores.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ConnectorStatus GetStatus(string connector)
    {
        var running = Find(connector);
        lock (running)
        {
            var tasks = running
                .Slots.Select(s => new TaskStatus(
                    s.Id,
                    s.State,
                    s.State == TaskState.FAILED ? Trace(s.Task.Failure) : null,
                    s.Task.WaitingFor
                ))
                .ToList();
            return new ConnectorStatus(connector, ConnectorState(running, tasks), tasks);
        }
    }

    // Kafka Connect's connector state is its connector instance's, apart from its tasks': STOPPED
    // and PAUSED follow the target state, and a started connector reads RUNNING even when its tasks
    // FAILED (Connect reports {"connector": RUNNING, "tasks": [FAILED]}). A config that fails its
    // checks never makes a connector here, so no connector reads FAILED. Tasks that are all
    // UNASSIGNED (not started yet, or the worker stopped) leave it UNASSIGNED.
    private static TaskState ConnectorState(RunningConnector running, List<TaskStatus> tasks) =>
        running.Target == TargetState.STOPPED ? TaskState.STOPPED
        : running.Paused ? TaskState.PAUSED
        : tasks.Count > 0 && tasks.All(t => t.State == TaskState.UNASSIGNED) ? TaskState.UNASSIGNED
        : TaskState.RUNNING;

    // Kafka Connect's trace: the failure with its stack, credentials in URLs masked.
    private static string? Trace(Exception? failure) =>
        Configuration.UrlRedaction.RedactIn(failure?.ToString());

    /// <inheritdoc/>
    public IReadOnlyList<IConnectTask> GetTasks(string connector)
    {
        var running = Find(connector);
        lock (running)
        {
            return [.. running.Tasks];
        }
    }

    /// <inheritdoc/>
    public void Pause(string connector)
    {
        var running = Find(connector);
        lock (running)
        {
            if (running.Target == TargetState.STOPPED)
            {
                // As Kafka Connect: pausing a STOPPED connector makes its tasks, paused.
                running.Target = TargetState.PAUSED;
                StartingConnector(() => CreateTasks(running));
                LaunchTasks(running);
                return;
            }
            running.Target = TargetState.PAUSED;
            foreach (var task in running.Tasks)
            {
                task.Pause();
            }
        }
    }

    /// <inheritdoc/>
    public void Resume(string connector)
    {
        var running = Find(connector);
        lock (running)
        {
            var wasStopped = running.Target == TargetState.STOPPED;
            running.Target = TargetState.STARTED;
            if (wasStopped)
            {
                // A STOPPED connector has no tasks: resuming it makes new ones, which read the
                // (possibly altered) offsets.
                StartingConnector(() => CreateTasks(running));
                LaunchTasks(running);
                return;
            }
            foreach (var task in running.Tasks)
            {
                task.Resume();
            }
        }
    }

    /// <inheritdoc/>
    public async Task RestartAsync(string connector, CancellationToken cancellationToken)
    {
        var running = Find(connector);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RestartTasksAsync(running, running.Slots.ToList(), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _gate.Dispose();
    }

    // Makes the connector's tasks (a connector's own rules across keys fail here, before any runs).
    private void CreateTasks(RunningConnector connector)
    {
        connector.Slots.Clear();
        for (var id = 0; id < connector.TaskCount; id++)
        {
            if (connector.Assigned?.Contains(id) == false)
            {
                continue; // Distributed: another worker runs it.
            }
            connector.Slots.Add(new TaskSlot(id, CreateTask(connector, id)));
        }
    }

    private IConnectTask CreateTask(RunningConnector connector, int id)
    {
        var logger = _loggers.CreateLogger("KConnector.Connector." + connector.Config.Name);
        var options = connector.Config.ToWorkerOptions(
            id,
            connector.BootstrapServers,
            connector.Registration.IsSink,
            connector.Store
        ) with
        {
            TasksMax = connector.TaskCount,
            TopicUsed = TopicRecorder(connector.Config.Name, id),
        };
        IConnectTask task;
        try
        {
            task = connector.Connector.CreateTask(options, logger);
            Metrics.RecordTaskStartup(succeeded: true);
        }
        catch (ConfigValidationException e)
            when (e.Connector != connector.Config.Name && e.Issues.Count > 0)
        {
            Metrics.RecordTaskStartup(succeeded: false);
            // A connector's own options name their class; the worker names the connector.
            throw new ConfigValidationException(connector.Config.Name, e.Issues);
        }
        catch
        {
            Metrics.RecordTaskStartup(succeeded: false);
            throw;
        }
        if (connector.Paused)
        {
            task.Pause();
        }
        return task;
    }

    private void LaunchTasks(RunningConnector connector)
    {
        foreach (var slot in connector.Slots)
        {
            Launch(connector, slot);
        }
        LogConnectorStarted(_logger, connector.Config.Name, connector.TaskCount);
    }

    private void Launch(RunningConnector connector, TaskSlot slot)
    {
        slot.Stop = new CancellationTokenSource();
        slot.Run = RunTaskAsync(connector, slot, slot.Task, slot.Stop.Token);
    }

    private async Task RunTaskAsync(
        RunningConnector connector,
        TaskSlot slot,
        IConnectTask task,
        CancellationToken stoppingToken
    )
    {
        await Task.Yield();
        try
        {
            await task.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception) when (task.State == TaskState.FAILED)
        {
            // The task recorded and logged its failure; it stays FAILED until restarted, by
            // hand or (when the connector's config asks for it) automatically.
            ScheduleAutoRestart(connector, slot, task, stoppingToken);
        }
    }

    // Stops every task of the connector cleanly; its slots stay (a restart fills them again).
    private static async Task StopTasksAsync(RunningConnector connector)
    {
        await Task.WhenAll(connector.Slots.ToList().Select(StopTaskAsync)).ConfigureAwait(false);
    }

    private static async Task StopTaskAsync(TaskSlot slot)
    {
        if (slot.Stop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (slot.Run is { } run)
            {
                await run.ConfigureAwait(false);
            }
            stop.Dispose();
            slot.Stop = null;
        }
    }

    private RunningConnector Find(string connector)
    {
        lock (_connectors)
        {
            return _connectors.TryGetValue(connector, out var running)
                ? running
                : throw new KeyNotFoundException($"Connector {connector} not found");
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Connector {Connector}: tasks.max={TasksMax}, but it cannot split its work: running {Tasks} task(s)"
    )]
    private static partial void LogTasksCapped(
        ILogger logger,
        string connector,
        int tasksMax,
        int tasks
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Connector {Connector} started with {Tasks} task(s)"
    )]
    private static partial void LogConnectorStarted(ILogger logger, string connector, int tasks);
}
