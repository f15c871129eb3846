using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KConnector.Metrics;

/// <summary>
/// One task's metrics: it records into <see cref="ConnectMeter"/> (tagged with the connector and
/// task) and keeps running totals that a status API, a log line or a test can read.
/// </summary>
public sealed class TaskMetrics
{
    private static readonly ConcurrentDictionary<(string, int), TaskMetrics> LastErrors = new();

    // An observable gauge reads every live task's last-error-timestamp when a listener collects.
    private static readonly ObservableGauge<long> LastErrorTimestampGauge =
        ConnectMeter.Meter.CreateObservableGauge(
            "last-error-timestamp",
            ObserveLastErrors,
            "ms",
            "Epoch milliseconds of the task's last error."
        );

    private readonly TagList _tags;
    private long _polled;
    private long _written;
    private long _read;
    private long _sent;
    private long _commits;
    private long _failures;
    private long _errors;
    private long _skipped;
    private long _retries;
    private long _logged;
    private long _dlqRequests;
    private long _dlqFailures;
    private long _lastErrorTimestamp;

    /// <summary>Creates the metrics of task <paramref name="taskId"/> of <paramref name="connector"/>.</summary>
    public TaskMetrics(string connector, int taskId)
    {
        ArgumentNullException.ThrowIfNull(connector);
        Connector = connector;
        TaskId = taskId;
        _tags = new TagList { { "connector", connector }, { "task", taskId } };
        _ = LastErrorTimestampGauge;
        LastErrors[(connector, taskId)] = this;
    }

    /// <summary>The connector's name.</summary>
    public string Connector { get; }

    /// <summary>The task's id.</summary>
    public int TaskId { get; }

    /// <summary><c>source-record-poll-total</c>.</summary>
    public long SourceRecordPollTotal => Interlocked.Read(ref _polled);

    /// <summary><c>source-record-write-total</c>.</summary>
    public long SourceRecordWriteTotal => Interlocked.Read(ref _written);

    /// <summary><c>sink-record-read-total</c>.</summary>
    public long SinkRecordReadTotal => Interlocked.Read(ref _read);

    /// <summary><c>sink-record-send-total</c>.</summary>
    public long SinkRecordSendTotal => Interlocked.Read(ref _sent);

    /// <summary><c>offset-commit-completion-total</c>.</summary>
    public long OffsetCommitCompletionTotal => Interlocked.Read(ref _commits);

    /// <summary><c>total-record-failures</c>.</summary>
    public long TotalRecordFailures => Interlocked.Read(ref _failures);

    /// <summary><c>total-record-errors</c>.</summary>
    public long TotalRecordErrors => Interlocked.Read(ref _errors);

    /// <summary><c>total-records-skipped</c>.</summary>
    public long TotalRecordsSkipped => Interlocked.Read(ref _skipped);

    /// <summary><c>total-retries</c>.</summary>
    public long TotalRetries => Interlocked.Read(ref _retries);

    /// <summary><c>total-errors-logged</c>.</summary>
    public long TotalErrorsLogged => Interlocked.Read(ref _logged);

    /// <summary><c>deadletterqueue-produce-requests</c>.</summary>
    public long DeadLetterQueueProduceRequests => Interlocked.Read(ref _dlqRequests);

    /// <summary><c>deadletterqueue-produce-failures</c>.</summary>
    public long DeadLetterQueueProduceFailures => Interlocked.Read(ref _dlqFailures);

    /// <summary><c>last-error-timestamp</c>: epoch milliseconds of the last error, 0 when none.</summary>
    public long LastErrorTimestamp => Interlocked.Read(ref _lastErrorTimestamp);

    internal void RecordPoll(int count) => Add(ref _polled, ConnectMeter.SourceRecordPoll, count);

    internal void RecordWrite() => Add(ref _written, ConnectMeter.SourceRecordWrite, 1);

    internal void RecordRead(int count) => Add(ref _read, ConnectMeter.SinkRecordRead, count);

    internal void RecordSend(int count) => Add(ref _sent, ConnectMeter.SinkRecordSend, count);

    internal void RecordCommit(TimeSpan elapsed)
    {
        Add(ref _commits, ConnectMeter.OffsetCommitCompletion, 1);
        ConnectMeter.OffsetCommitTime.Record(elapsed.TotalMilliseconds, _tags);
    }

    internal void RecordCommitFailure() => ConnectMeter.OffsetCommitFailure.Add(1, _tags);

    internal void RecordFailure()
    {
        Add(ref _failures, ConnectMeter.TotalRecordFailures, 1);
        Interlocked.Exchange(
            ref _lastErrorTimestamp,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
        );
    }

    internal void RecordError() => Add(ref _errors, ConnectMeter.TotalRecordErrors, 1);

    internal void RecordSkipped() => Add(ref _skipped, ConnectMeter.TotalRecordsSkipped, 1);

    internal void RecordRetry() => Add(ref _retries, ConnectMeter.TotalRetries, 1);

    internal void RecordErrorLogged() => Add(ref _logged, ConnectMeter.TotalErrorsLogged, 1);

    internal void RecordDeadLetterQueueRequest() =>
        Add(ref _dlqRequests, ConnectMeter.DeadLetterQueueProduceRequests, 1);

    internal void RecordDeadLetterQueueFailure() =>
        Add(ref _dlqFailures, ConnectMeter.DeadLetterQueueProduceFailures, 1);

    private void Add(ref long total, Counter<long> counter, int count)
    {
        Interlocked.Add(ref total, count);
        counter.Add(count, _tags);
    }

    private static IEnumerable<Measurement<long>> ObserveLastErrors()
    {
        foreach (var metrics in LastErrors.Values)
        {
            yield return new Measurement<long>(metrics.LastErrorTimestamp, metrics._tags);
        }
    }
}
