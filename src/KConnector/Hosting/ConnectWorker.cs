using KConnector.Kafka;
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
/// each connector's section overrides them. With no <c>bootstrap.servers</c> it starts an embedded,
/// in-process cluster and says loudly that nothing is durable. A failed task stays FAILED (as in
/// Kafka Connect) until <see cref="RestartAsync"/>.
/// </summary>
public sealed partial class ConnectWorker : IHostedService, IConnectorController, IAsyncDisposable
{
    private readonly ConnectWorkerOptions _options;
    private readonly IReadOnlyList<ConnectorRegistration> _registrations;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Dictionary<string, RunningConnector> _connectors = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmbeddedKafka? _embedded;
    private string _bootstrapServers = "";

    /// <summary>Creates the worker; the host calls <see cref="StartAsync"/>.</summary>
    public ConnectWorker(
        IOptions<ConnectWorkerOptions> options,
        IEnumerable<ConnectorRegistration> registrations,
        IServiceProvider services,
        ILoggerFactory loggers
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _registrations = registrations.ToList();
        _services = services;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ConnectWorker>();
    }

    /// <summary>The bootstrap servers the worker uses (the embedded cluster's when none was configured).</summary>
    public string BootstrapServers => _bootstrapServers;

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
        _bootstrapServers = _options.BootstrapServers ?? "";
        if (string.IsNullOrWhiteSpace(_bootstrapServers))
        {
            _embedded = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
            _bootstrapServers = _embedded.BootstrapServers;
            LogEmbedded(_logger, _bootstrapServers);
        }
        foreach (var registration in _registrations)
        {
            var settings = new Dictionary<string, string>(
                _options.Settings,
                StringComparer.Ordinal
            );
            foreach (
                var (key, value) in registration.Configuration.AsEnumerable(makePathsRelative: true)
            )
            {
                if (value is not null)
                {
                    settings[key.Replace(':', '.')] = value;
                }
            }
            var config = ConnectorConfig.Parse(settings);
            if (registration.IsSink)
            {
                config.ValidateSink();
            }
            IOffsetBackingStore? store = null;
            if (!registration.IsSink)
            {
                store =
                    config.OffsetStorageFileName is { } file ? new FileOffsetBackingStore(file)
                    : config.OffsetStorageTopic is { } topic
                        ? new KafkaOffsetBackingStore(
                            topic,
                            _bootstrapServers,
                            config.ProducerConfig
                        )
                    : new MemoryOffsetBackingStore();
                await store.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            var connector = new RunningConnector(config, registration, store);
            lock (_connectors)
            {
                _connectors.Add(config.Name, connector);
            }
            StartTasks(connector);
        }
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
                t.State == TaskState.FAILED ? t.Failure?.ToString() : null
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
        _embedded?.Dispose();
        _gate.Dispose();
    }

    private void StartTasks(RunningConnector connector)
    {
        connector.Stop = new CancellationTokenSource();
        connector.Tasks.Clear();
        connector.Runs.Clear();
        var logger = _loggers.CreateLogger("KConnector.Connector." + connector.Config.Name);
        for (var id = 0; id < connector.Config.TasksMax; id++)
        {
            var options = connector.Config.ToWorkerOptions(
                id,
                _bootstrapServers,
                connector.Registration.IsSink,
                connector.Store
            );
            var task = connector.Registration.CreateTask(_services, options, logger);
            if (connector.Paused)
            {
                task.Pause();
            }
            connector.Tasks.Add(task);
            connector.Runs.Add(RunTaskAsync(task, connector.Stop.Token));
        }
        LogConnectorStarted(_logger, connector.Config.Name, connector.Config.TasksMax);
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
        IOffsetBackingStore? store
    )
    {
        public ConnectorConfig Config { get; } = config;

        public ConnectorRegistration Registration { get; } = registration;

        public IOffsetBackingStore? Store { get; } = store;

        public List<IConnectTask> Tasks { get; } = [];

        public List<Task> Runs { get; } = [];

        public CancellationTokenSource? Stop { get; set; }

        public bool Paused { get; set; }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "NO bootstrap.servers CONFIGURED: started an embedded, in-process Kafka cluster at {BootstrapServers}. NOTHING IS DURABLE: every record and offset is lost when this process exits. Set bootstrap.servers for real use."
    )]
    private static partial void LogEmbedded(ILogger logger, string bootstrapServers);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Connector {Connector} started with {Tasks} task(s)"
    )]
    private static partial void LogConnectorStarted(ILogger logger, string connector, int tasks);
}
