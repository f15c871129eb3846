using KConnector.Connectors;
using KConnector.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Distributed;

/// <summary>
/// Kafka Connect's distributed mode (its <c>DistributedHerder</c>): workers with one
/// <c>group.id</c> share the connectors and tasks kept in the config topic. Kafka's group
/// coordinator decides who the members are (<see cref="GroupMembership"/>); the member holding
/// the group's partition 0 leads and writes the assignment (<see cref="IncrementalAssignor"/>)
/// to the config topic; every worker runs exactly what the latest assignment gives it, on a
/// <see cref="ConnectWorker"/> (the one road to a running task), and writes its units' statuses
/// to the status topic. Source offsets live in the offsets topic. docs/distributed.md.
/// </summary>
public sealed partial class DistributedWorker : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly DistributedConfig _config;
    private readonly Func<IReadOnlyDictionary<string, string>, ConnectorRegistration> _connectors;
    private readonly ILogger _logger;
    private readonly GroupMembership _membership;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _stopped;

    /// <summary>
    /// Creates a distributed worker over <paramref name="workerSettings"/> (Kafka Connect's worker
    /// keys: <c>group.id</c>, the three storage topics, <c>bootstrap.servers</c>, ...);
    /// <paramref name="connectors"/> makes the registration of a connector's config as the config
    /// topic holds it (the same road as a connector created over REST).
    /// </summary>
    public DistributedWorker(
        IReadOnlyDictionary<string, string> workerSettings,
        Func<IReadOnlyDictionary<string, string>, ConnectorRegistration> connectors,
        ConnectorEnvironment environment,
        ILoggerFactory? loggers = null
    )
    {
        ArgumentNullException.ThrowIfNull(workerSettings);
        ArgumentNullException.ThrowIfNull(connectors);
        loggers ??= NullLoggerFactory.Instance;
        _config = DistributedConfig.From(workerSettings);
        _connectors = connectors;
        _logger = loggers.CreateLogger<DistributedWorker>();
        ConfigStore = new KafkaConfigBackingStore(_config.ConfigTopic, _config.BootstrapServers);
        StatusStore = new KafkaStatusBackingStore(_config.StatusTopic, _config.BootstrapServers);
        _membership = new GroupMembership(_config, _logger);
        Worker = new ConnectWorker(WorkerSettings(workerSettings), [], environment, loggers);
        TrackTopicsInStatusTopic();
        ConfigStore.Changed += Signal;
        StatusStore.Changed += OnStatus;
        _membership.Changed += _ => Signal();
    }

    /// <summary>This worker's id (<c>worker_id</c> in the status records).</summary>
    public string WorkerId => _config.WorkerId;

    /// <summary>The config topic: connectors, task configs, target states, the assignment.</summary>
    public KafkaConfigBackingStore ConfigStore { get; }

    /// <summary>The status topic: every connector's and task's status, whoever runs it.</summary>
    public KafkaStatusBackingStore StatusStore { get; }

    /// <summary>The local worker that runs this worker's share.</summary>
    public ConnectWorker Worker { get; }

    // The offsets topic is every source connector's store (Connect's distributed worker has no
    // offsets file).
    private static Dictionary<string, string> WorkerSettings(
        IReadOnlyDictionary<string, string> settings
    )
    {
        var worker = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        worker.Remove("offset.storage.file.filename");
        return worker;
    }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await InternalTopics.EnsureAsync(_config, _logger, cancellationToken).ConfigureAwait(false);
        await ConfigStore.StartAsync(cancellationToken).ConfigureAwait(false);
        await StatusStore.StartAsync(cancellationToken).ConfigureAwait(false);
        await Worker.StartAsync(cancellationToken).ConfigureAwait(false);
        _membership.Start();
        LogStarted(_logger, WorkerId, _config.GroupId);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    private void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    // One loop does everything that changes state, so nothing interleaves: claim the group
    // partitions, lead when holding partition 0, run the assigned share, report statuses.
    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ClaimAsync(stopping).ConfigureAwait(false);
                if (_membership.Partitions.Contains(0))
                {
                    await LeadAsync(stopping).ConfigureAwait(false);
                }
                await ApplyAsync(stopping).ConfigureAwait(false);
                await RestartRequestedAsync(stopping).ConfigureAwait(false);
                await ReleaseRevokedAsync(stopping).ConfigureAwait(false);
                await ReportAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A broker's hiccup or a bad config: the next turn tries again.
                LogTurnFailed(_logger, WorkerId, e);
            }
            try
            {
                await _signal.WaitAsync(Tick, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private IReadOnlyCollection<int> _claimed = [];

    // The group gave or took partitions: say so in the config topic, where the leader reads who
    // the members are.
    private async Task ClaimAsync(CancellationToken stopping)
    {
        var held = _membership.Partitions;
        if (held.Order().SequenceEqual(_claimed.Order()))
        {
            return;
        }
        await ConfigStore
            .PutMemberAsync(WorkerId, held, _config.AdvertisedUrl, stopping)
            .ConfigureAwait(false);
        _claimed = held;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }
        // Tasks stop cleanly (offsets committed) and say so before the worker leaves the group.
        await ReleaseAllAsync(cancellationToken).ConfigureAwait(false);
        await _membership.DisposeAsync().ConfigureAwait(false);
        await Worker.StopAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(_logger, WorkerId);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await Worker.DisposeAsync().ConfigureAwait(false);
        await StatusStore.DisposeAsync().ConfigureAwait(false);
        await ConfigStore.DisposeAsync().ConfigureAwait(false);
        _signal.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Distributed worker {Worker} started in group {Group}"
    )]
    private static partial void LogStarted(ILogger logger, string worker, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Distributed worker {Worker} stopped")]
    private static partial void LogStopped(ILogger logger, string worker);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Distributed worker {Worker}: a turn failed; trying again"
    )]
    private static partial void LogTurnFailed(ILogger logger, string worker, Exception exception);
}
