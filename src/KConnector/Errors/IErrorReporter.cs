namespace KConnector.Errors;

/// <summary>
/// Where a tolerated or fatal error is reported, as Kafka Connect's <c>ErrorReporter</c>:
/// the log (<see cref="LogReporter"/>) and the dead-letter queue (<see cref="DeadLetterQueueReporter"/>).
/// </summary>
public interface IErrorReporter
{
    /// <summary>
    /// Reports <paramref name="context"/>. Completes once the report is durable (for the dead-letter
    /// queue: once Kafka acknowledged the record), so that the record's offset can then be committed.
    /// </summary>
    ValueTask ReportAsync(ErrorContext context, CancellationToken cancellationToken);
}
