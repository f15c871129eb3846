namespace KConnector.Errors;

/// <summary>
/// One failed operation, as Kafka Connect's <c>ProcessingContext</c> at the time it is reported:
/// the record, the stage, the class that was running and the error.
/// </summary>
/// <param name="Record">The record the error happened to.</param>
/// <param name="Stage">The stage that failed.</param>
/// <param name="ExecutingClass">The converter, task or client class that was running.</param>
/// <param name="Error">The error (the last one, after retries).</param>
public sealed record ErrorContext(
    ErrantRecord Record,
    Stage Stage,
    Type ExecutingClass,
    Exception Error
);
