using KConnector.Metrics;

namespace KConnector.Errors;

/// <summary>
/// Retries and tolerance, as Kafka Connect's <c>RetryWithToleranceOperator</c>: a
/// <see cref="RetriableException"/> is retried with a backoff that starts at 300 ms and doubles up
/// to <c>errors.retry.delay.max.ms</c>, until <c>errors.retry.timeout</c> has passed since the
/// first failure (zero: no retries; -1: for ever). An operation that still fails is a record error:
/// with <c>errors.tolerance=none</c> it fails the task (a <see cref="ConnectException"/> naming the
/// stage, the record's coordinates and the cause); with <c>all</c> it is reported (log, dead-letter
/// queue) and skipped.
/// </summary>
internal sealed class RetryWithToleranceOperator
{
    /// <summary>Kafka Connect's <c>RETRIES_DELAY_MIN_MS</c>.</summary>
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(300);

    // The coarsest tick .NET's timers may run on (Linux at 100 Hz): how early a wait may end.
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(10);

    private readonly ErrorHandlingOptions _options;
    private readonly TaskMetrics _metrics;
    private readonly IReadOnlyList<IErrorReporter> _reporters;
    private readonly TimeProvider _time;
    private readonly DependencyWait? _dependencyWait;

    public RetryWithToleranceOperator(
        ErrorHandlingOptions options,
        TaskMetrics metrics,
        IReadOnlyList<IErrorReporter> reporters,
        TimeProvider? time = null,
        DependencyWait? dependencyWait = null
    )
    {
        _options = options;
        _metrics = metrics;
        _reporters = reporters;
        _time = time ?? TimeProvider.System;
        _dependencyWait = dependencyWait;
    }

    public ErrorHandlingOptions Options => _options;

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (1-based): 300 ms doubled each
    /// time, capped at <c>errors.retry.delay.max.ms</c>.
    /// </summary>
    public TimeSpan Backoff(int attempt)
    {
        var ms = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(ms, _options.RetryDelayMax.TotalMilliseconds));
    }

    /// <summary>
    /// Runs <paramref name="operation"/>, retrying retriable failures. Returns
    /// <c>(true, value)</c> on success and <c>(false, default)</c> when the record failed and was
    /// tolerated (already reported); throws when it is not tolerated. <paramref name="firstFailure"/>
    /// lets a caller run the first attempt inline (the hot path) and hand over only on failure.
    /// </summary>
    public async ValueTask<(bool Succeeded, T? Value)> ExecuteAsync<T>(
        Func<CancellationToken, ValueTask<T>> operation,
        Stage stage,
        Type executingClass,
        ErrantRecord record,
        CancellationToken cancellationToken,
        Exception? firstFailure = null
    )
    {
        var error = firstFailure;
        var started = _time.GetTimestamp();
        var waits = 0;
        var waitingSince = 0L;
        for (var attempt = 1; ; attempt++)
        {
            if (error is null)
            {
                try
                {
                    var value = await operation(cancellationToken).ConfigureAwait(false);
                    if (waits > 0)
                    {
                        _dependencyWait?.Resumed();
                    }
                    return (true, value);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    error = e;
                }
            }
            if (DependencyUnavailableException.Find(error) is { } unavailable)
            {
                // Not the record's fault: never a record error. Wait and try the same record again,
                // up to errors.dependency.timeout.ms, then fail the task (keeping the record);
                // errors.retry.timeout counts from when it answers again.
                waitingSince = waits == 0 ? _time.GetTimestamp() : waitingSince;
                DependencyWaitExpired(unavailable, stage, record, waitingSince);
                await WaitForDependencyAsync(unavailable, ++waits, cancellationToken)
                    .ConfigureAwait(false);
                started = _time.GetTimestamp();
                attempt = 0;
                error = null;
                continue;
            }
            if (
                !await WaitToRetryAsync(error, attempt, started, cancellationToken)
                    .ConfigureAwait(false)
            )
            {
                await FailAsync(
                        new ErrorContext(record, stage, executingClass, error),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                return (false, default);
            }
            error = null;
        }
    }

    /// <summary>
    /// Runs a whole-batch operation (poll, put, flush), retrying retriable failures; any other
    /// failure, or a retriable one past the timeout, is thrown: it cannot be pinned on one record.
    /// </summary>
    public async ValueTask<T> RetryAsync<T>(
        Func<CancellationToken, ValueTask<T>> operation,
        CancellationToken cancellationToken,
        Action<TimeSpan>? whileWaiting = null
    )
    {
        var started = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (RetriableException e)
            {
                if (
                    !await WaitToRetryAsync(e, attempt, started, cancellationToken, whileWaiting)
                        .ConfigureAwait(false)
                )
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Handles a record error found outside <see cref="ExecuteAsync"/> (a put rejection, a failed
    /// produce): counts it, and throws under <c>none</c> or reports it under <c>all</c>.
    /// </summary>
    public async ValueTask FailAsync(ErrorContext context, CancellationToken cancellationToken)
    {
        _metrics.RecordError();
        foreach (var reporter in _reporters)
        {
            // Under none only the log hears of it: the task stops and nothing is dead-lettered.
            if (_options.Tolerance == ErrorTolerance.All || reporter is LogReporter)
            {
                await reporter.ReportAsync(context, cancellationToken).ConfigureAwait(false);
            }
        }
        if (_options.Tolerance == ErrorTolerance.None)
        {
            var record = context.Record;
            throw new ConnectException(
                context.Stage,
                $"Tolerance exceeded in error handler: stage {context.Stage} failed for {record.Coordinates} (class {ClassName.Of(context.ExecutingClass)}): {context.Error.Message}",
                context.Error
            )
            {
                Topic = record.Topic,
                Partition = record.Partition,
                Offset = record.Offset,
            };
        }
        _metrics.RecordSkipped();
    }

    /// <summary>
    /// Counts a failed attempt and decides whether to retry it: only a
    /// <see cref="RetriableException"/>, only while <c>errors.retry.timeout</c> has not passed since
    /// <paramref name="started"/>. <paramref name="delay"/> is the backoff, cut to end at the deadline.
    /// </summary>
    public bool ShouldRetry(Exception error, int attempt, long started, out TimeSpan delay)
    {
        _metrics.RecordFailure();
        delay = TimeSpan.Zero;
        if (error is not RetriableException || _options.RetryTimeout == TimeSpan.Zero)
        {
            return false;
        }
        delay = Backoff(attempt);
        if (_options.RetryTimeout != Timeout.InfiniteTimeSpan)
        {
            var remaining = _options.RetryTimeout - _time.GetElapsedTime(started);
            // The wait that ended "at" the deadline must not be followed by one more. .NET's timers
            // run on a coarse clock (on Linux CLOCK_MONOTONIC_COARSE: 1-10 ms, by the kernel's tick),
            // so a wait cut to end at the deadline may wake a few milliseconds before it by the
            // precise clock measuring the deadline: within that, the deadline has come.
            if (remaining < TimerResolution)
            {
                return false;
            }
            // As Kafka Connect: the last wait ends at the deadline, then one more attempt. Rounded
            // up to whole milliseconds: timers have millisecond resolution, and a wait of a fraction
            // of a millisecond completes at once, so the attempts just before the deadline would
            // otherwise repeat without any wait until it passed (seen: hundreds of them).
            if (delay >= remaining)
            {
                delay = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
            }
        }
        _metrics.RecordRetry();
        return true;
    }

    /// <summary>
    /// Waits before the next attempt at an operation whose dependency is unavailable: the usual
    /// backoff (300 ms doubling up to <c>errors.retry.delay.max.ms</c>), with no deadline; the wait
    /// is logged and shown in the task's status through <see cref="DependencyWait"/>.
    /// </summary>
    public async ValueTask WaitForDependencyAsync(
        DependencyUnavailableException error,
        int attempt,
        CancellationToken cancellationToken
    )
    {
        _metrics.RecordFailure();
        _metrics.RecordRetry();
        var delay = Backoff(attempt);
        _dependencyWait?.Waiting(error, delay);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Throws the task's failure once a record has waited <c>errors.dependency.timeout.ms</c> since
    /// <paramref name="since"/> for the dependency of <paramref name="error"/>. Without the cause
    /// attached: its text (a client's message) might hold a URL's credentials; the redacted reason
    /// is in the message.
    /// </summary>
    private void DependencyWaitExpired(
        DependencyUnavailableException error,
        Stage stage,
        ErrantRecord record,
        long since
    )
    {
        var limit = _options.DependencyTimeout;
        if (limit == Timeout.InfiniteTimeSpan || _time.GetElapsedTime(since) < limit)
        {
            return;
        }
        throw new ConnectException(
            stage,
            $"{error.Dependency} could not be reached for {limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s (errors.dependency.timeout.ms) while stage {stage} waited with {record.Coordinates}; the task fails and keeps the record (nothing is dead-lettered or committed past it): {Configuration.UrlRedaction.RedactIn(error.Message)}"
        )
        {
            Topic = record.Topic,
            Partition = record.Partition,
            Offset = record.Offset,
        };
    }

    /// <summary>The current timestamp of the operator's clock, for <see cref="ShouldRetry"/>.</summary>
    public long Now() => _time.GetTimestamp();

    private async ValueTask<bool> WaitToRetryAsync(
        Exception error,
        int attempt,
        long started,
        CancellationToken cancellationToken,
        Action<TimeSpan>? whileWaiting = null
    )
    {
        if (!ShouldRetry(error, attempt, started, out var delay))
        {
            return false;
        }
        if (whileWaiting is not null)
        {
            whileWaiting(delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
        else
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
