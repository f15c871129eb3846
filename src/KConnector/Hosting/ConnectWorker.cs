using KConnector.Connectors;
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
/// failed task stays FAILED (as in Kafka Connect) until <see cref="RestartAsync"/>.
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
    }

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
        // Validate every connector before starting any: an invalid config fails the host's start
        // with every issue named, and leaves nothing running.
        var configured = _registrations
            .Select(r => (Registration: r, Connector: r.Configure(_services, Settings())))
            .ToList();
        foreach (var (registration, connector) in configured)
        {
            var config = connector.Config;
            if (registration.IsSink)
            {
                config.ValidateSink();
            }
            var servers = config.BootstrapServers ?? BootstrapServers;
            var tasks = Math.Min(config.TasksMax, registration.TaskLimit ?? int.MaxValue);
            if (tasks < config.TasksMax)
            {
                LogTasksCapped(_logger, config.Name, config.TasksMax, tasks);
            }
            IOffsetBackingStore? store = null;
            if (!registration.IsSink)
            {
                store =
                    config.OffsetStorageFileName is { } file ? new FileOffsetBackingStore(file)
                    : config.OffsetStorageTopic is { } topic
                        ? new KafkaOffsetBackingStore(topic, servers, config.ProducerConfig)
                    : new MemoryOffsetBackingStore();
                await store.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            var running = new RunningConnector(
                config,
                registration,
                connector,
                servers,
                tasks,
                store
            );
            lock (_connectors)
            {
                _connectors.Add(config.Name, running);
            }
            StartTasks(running);
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
        foreach (var connector in connectors)
        {
            if (connector.Store is { } store)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public ConnectorStatus GetStatus(string connector)
    {
        var running = Find(connector);
        var tasks = running
            .Tasks.Select(t => new TaskStatus(
                t.TaskId,
                t.State,
                t.State == TaskState.FAILED
                    ? Configuration.UrlRedaction.RedactIn(t.Failure?.ToString())
                    : null,
                t.WaitingFor
            ))
            .ToList();
        var state =
            tasks.Count > 0 && tasks.All(t => t.State == TaskState.FAILED) ? TaskState.FAILED
            : tasks.Count > 0 && tasks.All(t => t.State == TaskState.PAUSED) ? TaskState.PAUSED
            : tasks.Any(t => t.State is TaskState.RUNNING or TaskState.PAUSED) ? TaskState.RUNNING
            : TaskState.UNASSIGNED;
        return new ConnectorStatus(connector, state, tasks);
    }

    /// <inheritdoc/>
    public IReadOnlyList<IConnectTask> GetTasks(string connector) => [.. Find(connector).Tasks];

    /// <inheritdoc/>
    public void Pause(string connector)
    {
        var running = Find(connector);
        running.Paused = true;
        foreach (var task in running.Tasks)
        {
            task.Pause();
        }
    }

    /// <inheritdoc/>
    public void Resume(string connector)
    {
        var running = Find(connector);
        running.Paused = false;
        foreach (var task in running.Tasks)
        {
            task.Resume();
        }
    }

    /// <inheritdoc/>
    public async Task RestartAsync(string connector, CancellationToken cancellationToken)
    {
        var running = Find(connector);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopTasksAsync(running).WaitAsync(cancellationToken).ConfigureAwait(false);
            StartTasks(running);
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

    private void StartTasks(RunningConnector connector)
    {
        connector.Stop = new CancellationTokenSource();
        connector.Tasks.Clear();
        connector.Runs.Clear();
        var logger = _loggers.CreateLogger("KConnector.Connector." + connector.Config.Name);
        for (var id = 0; id < connector.TaskCount; id++)
        {
            var options = connector.Config.ToWorkerOptions(
                id,
                connector.BootstrapServers,
                connector.Registration.IsSink,
                connector.Store
            ) with
            {
                TasksMax = connector.TaskCount,
            };
            var task = connector.Connector.CreateTask(options, logger);
            if (connector.Paused)
            {
                task.Pause();
            }
            connector.Tasks.Add(task);
            connector.Runs.Add(RunTaskAsync(task, connector.Stop.Token));
        }
        LogConnectorStarted(_logger, connector.Config.Name, connector.TaskCount);
    }

    private static async Task RunTaskAsync(IConnectTask task, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await task.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception) when (task.State == TaskState.FAILED)
        {
            // The task recorded and logged its failure; it stays FAILED until restarted.
        }
    }

    private static async Task StopTasksAsync(RunningConnector connector)
    {
        if (connector.Stop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(connector.Runs).ConfigureAwait(false);
            stop.Dispose();
            connector.Stop = null;
        }
    }

    private RunningConnector Find(string connector)
    {
        lock (_connectors)
        {
            return _connectors.TryGetValue(connector, out var running)
                ? running
                : throw new KeyNotFoundException(
                    $"No connector named '{connector}' runs on this worker."
                );
        }
    }

    private sealed class RunningConnector(
        ConnectorConfig config,
        ConnectorRegistration registration,
        ConfiguredConnector connector,
        string bootstrapServers,
        int taskCount,
        IOffsetBackingStore? store
    )
    {
        public ConnectorConfig Config { get; } = config;

        public ConnectorRegistration Registration { get; } = registration;

        public ConfiguredConnector Connector { get; } = connector;

        public string BootstrapServers { get; } = bootstrapServers;

        /// <summary>tasks.max, capped by the connector's task limit.</summary>
        public int TaskCount { get; } = taskCount;

        public IOffsetBackingStore? Store { get; } = store;

        public List<IConnectTask> Tasks { get; } = [];

        public List<Task> Runs { get; } = [];

        public CancellationTokenSource? Stop { get; set; }

        public bool Paused { get; set; }
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
