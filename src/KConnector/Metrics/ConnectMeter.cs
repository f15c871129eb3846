using System.Diagnostics.Metrics;

namespace KConnector.Metrics;

/// <summary>
/// The <see cref="Meter"/> every KConnector worker reports through (name <c>KConnector</c>), with
/// instruments named after Kafka Connect's task metrics (<c>source-task-metrics</c>,
/// <c>sink-task-metrics</c>, <c>task-error-metrics</c>) so that dashboards carry over. Every
/// measurement is tagged with <c>connector</c> and <c>task</c>. Listen with OpenTelemetry's
/// <c>AddMeter("KConnector")</c> or <c>dotnet-counters monitor --counters KConnector</c>.
/// </summary>
public static class ConnectMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "KConnector";

    internal static readonly Meter Meter = new(Name, "1.0");

    internal static readonly Counter<long> SourceRecordPoll = Meter.CreateCounter<long>(
        "source-record-poll-total",
        "{record}",
        "Records returned by the source task's poll."
    );

    internal static readonly Counter<long> SourceRecordWrite = Meter.CreateCounter<long>(
        "source-record-write-total",
        "{record}",
        "Records produced and acknowledged by Kafka."
    );

    internal static readonly Counter<long> SinkRecordRead = Meter.CreateCounter<long>(
        "sink-record-read-total",
        "{record}",
        "Records read from Kafka by the sink."
    );

    internal static readonly Counter<long> SinkRecordSend = Meter.CreateCounter<long>(
        "sink-record-send-total",
        "{record}",
        "Records handed to the sink task's put."
    );

    internal static readonly Histogram<double> OffsetCommitTime = Meter.CreateHistogram<double>(
        "offset-commit-time",
        "ms",
        "Time an offset commit took (Kafka Connect reports its avg and max as offset-commit-avg-time-ms / offset-commit-max-time-ms)."
    );

    internal static readonly Counter<long> OffsetCommitCompletion = Meter.CreateCounter<long>(
        "offset-commit-completion-total",
        "{commit}",
        "Offset commits that succeeded."
    );

    internal static readonly Counter<long> OffsetCommitFailure = Meter.CreateCounter<long>(
        "offset-commit-failure-total",
        "{commit}",
        "Offset commits that failed (retried at the next commit)."
    );

    internal static readonly Counter<long> TotalRecordFailures = Meter.CreateCounter<long>(
        "total-record-failures",
        "{failure}",
        "Failed attempts (each retry that fails counts)."
    );

    internal static readonly Counter<long> TotalRecordErrors = Meter.CreateCounter<long>(
        "total-record-errors",
        "{record}",
        "Records that failed after retries."
    );

    internal static readonly Counter<long> TotalRecordsSkipped = Meter.CreateCounter<long>(
        "total-records-skipped",
        "{record}",
        "Records skipped (tolerated) because of errors."
    );

    internal static readonly Counter<long> TotalRetries = Meter.CreateCounter<long>(
        "total-retries",
        "{retry}",
        "Retries of failed operations."
    );

    internal static readonly Counter<long> TotalErrorsLogged = Meter.CreateCounter<long>(
        "total-errors-logged",
        "{error}",
        "Errors written to the log (errors.log.enable)."
    );

    internal static readonly Counter<long> DeadLetterQueueProduceRequests =
        Meter.CreateCounter<long>(
            "deadletterqueue-produce-requests",
            "{record}",
            "Records sent to the dead-letter queue."
        );

    internal static readonly Counter<long> DeadLetterQueueProduceFailures =
        Meter.CreateCounter<long>(
            "deadletterqueue-produce-failures",
            "{record}",
            "Records the dead-letter queue failed to take."
        );
}
