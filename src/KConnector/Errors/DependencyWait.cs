using Microsoft.Extensions.Logging;

namespace KConnector.Errors;

/// <summary>
/// What a task is waiting for while a dependency is unavailable
/// (<see cref="DependencyUnavailableException"/>), and the log lines about it: one warning when the
/// wait starts, a reminder at most every <see cref="ReminderInterval"/> while it lasts (never a line
/// per attempt: an outage must not flood the log), one line when the dependency answers again.
/// </summary>
internal sealed partial class DependencyWait
{
    /// <summary>The least time between two "still waiting" lines.</summary>
    internal static readonly TimeSpan ReminderInterval = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger;
    private readonly string _connector;
    private readonly int _task;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private string? _current;
    private long _since;
    private DateTimeOffset _sinceUtc;
    private long _lastLine;

    public DependencyWait(ILogger logger, string connector, int task, TimeProvider? time = null)
    {
        _logger = logger;
        _connector = connector;
        _task = task;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>"the Schema Registry (since ...): why", while waiting; null otherwise.</summary>
    public string? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>An attempt failed because <paramref name="error"/>'s dependency is unavailable.</summary>
    public void Waiting(DependencyUnavailableException error, TimeSpan retryIn)
    {
        var message = Configuration.UrlRedaction.RedactIn(error.Message);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_current is null)
            {
                _since = now;
                _sinceUtc = _time.GetUtcNow();
                _lastLine = now;
                LogWaiting(_logger, _connector, _task, error.Dependency, message);
            }
            else if (_time.GetElapsedTime(_lastLine, now) >= ReminderInterval)
            {
                _lastLine = now;
                LogStillWaiting(
                    _logger,
                    _connector,
                    _task,
                    error.Dependency,
                    (long)_time.GetElapsedTime(_since, now).TotalSeconds,
                    (long)retryIn.TotalMilliseconds,
                    message
                );
            }
            _current =
                $"waiting for {error.Dependency} since {_sinceUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture)}: {message}";
        }
    }

    /// <summary>An attempt succeeded: the wait, if any, is over.</summary>
    public void Resumed()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return;
            }
            LogResumed(_logger, _connector, _task, (long)_time.GetElapsedTime(_since).TotalSeconds);
            _current = null;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Task {Connector}-{Task} is waiting for {Dependency}: {Reason}. Records are kept meanwhile: none is dead-lettered or skipped for it"
    )]
    private static partial void LogWaiting(
        ILogger logger,
        string connector,
        int task,
        string dependency,
        string reason
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Task {Connector}-{Task} still waiting for {Dependency} after {Seconds} s (next attempt in {RetryMs} ms): {Reason}"
    )]
    private static partial void LogStillWaiting(
        ILogger logger,
        string connector,
        int task,
        string dependency,
        long seconds,
        long retryMs,
        string reason
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Task {Connector}-{Task} resumed: the dependency it waited for answered after {Seconds} s"
    )]
    private static partial void LogResumed(
        ILogger logger,
        string connector,
        int task,
        long seconds
    );
}
