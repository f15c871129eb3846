namespace KConnector.Errors;

/// <summary>
/// <c>errors.tolerance</c>, as Kafka Connect's <c>ToleranceType</c>: whether a record that fails
/// (after retries) fails the task or is skipped (and dead-lettered when a queue is configured).
/// </summary>
public enum ErrorTolerance
{
    /// <summary><c>none</c> (the default): the first error fails the task.</summary>
    None,

    /// <summary><c>all</c>: failed records are skipped or sent to the dead-letter queue.</summary>
    All,
}
