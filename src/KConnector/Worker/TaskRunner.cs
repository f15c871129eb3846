using KConnector.Converters;
using KConnector.Errors;
using KConnector.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Worker;

/// <summary>
/// What a source and a sink task runner share, as Kafka Connect's <c>WorkerTask</c>: the task's
/// options, converters, logger and metrics, its state (RUNNING, PAUSED, FAILED with its cause,
/// UNASSIGNED), pause and resume, and the guard around a run that keeps that state.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract partial class TaskRunner<TKey, TValue> : IConnectTask
{
    private protected readonly WorkerOptions _options;
    private protected readonly IConverter<TKey> _keyConverter;
    private protected readonly IConverter<TValue> _valueConverter;
    private protected readonly ILogger _logger;
    private protected readonly TaskMetrics _metrics;
    private protected readonly DependencyWait _dependencyWait;
    private protected readonly DependencyWait _kafkaWait;
    private protected volatile bool _paused;
    private volatile TaskState _state = TaskState.UNASSIGNED;
    private Exception? _failure;
    private int _claimed;

    private protected TaskRunner(
        WorkerOptions options,
        object task,
        IConverter<TKey> keyConverter,
        IConverter<TValue> valueConverter,
        ILogger? logger
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(keyConverter);
        ArgumentNullException.ThrowIfNull(valueConverter);
        _options = options;
        _keyConverter = keyConverter;
        _valueConverter = valueConverter;
        _logger = logger ?? NullLogger.Instance;
        _metrics = new TaskMetrics(options.Name, options.TaskId);
        _dependencyWait = new DependencyWait(_logger, options.Name, options.TaskId);
        _kafkaWait = new DependencyWait(_logger, options.Name, options.TaskId);
    }

    /// <inheritdoc/>
    public string ConnectorName => _options.Name;

    /// <inheritdoc/>
    public int TaskId => _options.TaskId;

    /// <inheritdoc/>
    public TaskState State => _state;

    /// <inheritdoc/>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <inheritdoc/>
    public TaskMetrics Metrics => _metrics;

    /// <inheritdoc/>
    public string? WaitingFor => _dependencyWait.Current ?? _kafkaWait.Current;

    /// <inheritdoc/>
    public abstract long RecordsProcessed { get; }

    /// <summary>
    /// Called when a run starts, before the task is initialized and polled or put to (a generated
    /// worker calls its task's <c>StartAsync</c> here): a throw fails the task, with its cause, as a
    /// failure of the run does.
    /// </summary>
    public Func<CancellationToken, Task>? Starting { get; init; }

    /// <summary>
    /// Called when a run ends, cleanly or not, after its last commit: a generated worker calls its
    /// task's <c>StopAsync</c> and releases what the task owned (its converters' Schema Registry
    /// clients) here. A throw is logged and does not hide the run's own failure.
    /// </summary>
    public Func<Task>? Stopped { get; init; }

    /// <summary>
    /// The metadata of the record being converted, for compiled transformations that read it
    /// (InsertField's partition, offset and timestamp): set before each record's conversion. A
    /// generated worker whose chain reads it gives the one its chain was built with; null otherwise.
    /// </summary>
    public Transforms.Compiled.CompiledRecordMetadata? CompiledMetadata { get; init; }

    /// <inheritdoc/>
    public void Pause()
    {
        _paused = true;
        if (_state == TaskState.RUNNING)
        {
            _state = TaskState.PAUSED;
        }
    }

    /// <inheritdoc/>
    public void Resume()
    {
        _paused = false;
        if (_state == TaskState.PAUSED)
        {
            _state = TaskState.RUNNING;
        }
    }

    /// <inheritdoc/>
    public abstract Task RunAsync(CancellationToken stoppingToken);

    /// <summary>
    /// Runs <paramref name="run"/> with the task's logging scope (connector, task) and keeps the
    /// state: RUNNING (or PAUSED) while it runs, UNASSIGNED after a clean stop, FAILED with the cause
    /// when it throws (the exception is logged and rethrown).
    /// </summary>
    private protected async Task RunGuardedAsync(
        Func<CancellationToken, Task> run,
        CancellationToken stoppingToken
    )
    {
        Volatile.Write(ref _failure, null);
        Interlocked.Exchange(ref _claimed, 1);
        _state = _paused ? TaskState.PAUSED : TaskState.RUNNING;
        using var scope = _logger.BeginScope(
            new Dictionary<string, object>
            {
                ["connector"] = _options.Name,
                ["task"] = _options.TaskId,
            }
        );
        try
        {
            if (Starting is { } starting)
            {
                await starting(stoppingToken).ConfigureAwait(false);
            }
            await run(stoppingToken).ConfigureAwait(false);
            _state = TaskState.UNASSIGNED;
        }
        catch (Exception e)
        {
            Volatile.Write(ref _failure, e);
            _state = TaskState.FAILED;
            LogFailed(e);
            throw;
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <see cref="Stopped"/> (the task's StopAsync and Dispose, its converters' clients) for a
    /// task that never ran; a task that ran released them when its run ended.
    /// </summary>
    public async ValueTask ReleaseUnrunAsync()
    {
        if (Interlocked.CompareExchange(ref _claimed, 1, 0) == 0)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    private async Task StopAsync()
    {
        if (Stopped is not { } stopped)
        {
            return;
        }
        try
        {
            await stopped().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogStopFailed(_logger, e, _options.Name, _options.TaskId);
        }
    }

    /// <summary>Logs the error that failed the task, in the runner's own words.</summary>
    private protected abstract void LogFailed(Exception error);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Task {Connector}-{Task} failed to release its resources when it stopped"
    )]
    private static partial void LogStopFailed(
        ILogger logger,
        Exception error,
        string connector,
        int task
    );
}
