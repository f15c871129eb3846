namespace KConnector.Errors;

/// <summary>
/// The <c>errors.*</c> settings of a connector, with Kafka Connect's meanings and defaults
/// (<c>ConnectorConfig</c> and <c>SinkConnectorConfig</c>).
/// </summary>
public sealed record ErrorHandlingOptions
{
    /// <summary>The options every key at its default: tolerance none, no retries, no log, no dead-letter queue.</summary>
    public static ErrorHandlingOptions Default { get; } = new();

    /// <summary><c>errors.tolerance</c>: <c>none</c> (default) or <c>all</c>.</summary>
    public ErrorTolerance Tolerance { get; init; } = ErrorTolerance.None;

    /// <summary>
    /// <c>errors.retry.timeout</c>: how long a retriable failure is retried; zero (the default)
    /// means no retry, <see cref="Timeout.InfiniteTimeSpan"/> (<c>-1</c>) retries for ever.
    /// </summary>
    public TimeSpan RetryTimeout { get; init; } = TimeSpan.Zero;

    /// <summary><c>errors.retry.delay.max.ms</c>: the cap of the backoff, which starts at 300 ms and doubles (default 60000).</summary>
    public TimeSpan RetryDelayMax { get; init; } = TimeSpan.FromMilliseconds(60_000);

    /// <summary>
    /// <c>errors.dependency.timeout.ms</c> (KConnector): how long a record may wait for a dependency
    /// that cannot be reached (the Schema Registry: a <see cref="DependencyUnavailableException"/>)
    /// before the task fails; the record is never dead-lettered. Default 300000 (5 min, as
    /// librdkafka's <c>delivery.timeout.ms</c> bounds a source's wait for Kafka);
    /// <see cref="Timeout.InfiniteTimeSpan"/> (<c>-1</c>) waits for ever.
    /// </summary>
    public TimeSpan DependencyTimeout { get; init; } = TimeSpan.FromMilliseconds(300_000);

    /// <summary><c>errors.log.enable</c>: log each failed operation and record (default false).</summary>
    public bool LogEnable { get; init; }

    /// <summary>
    /// <c>errors.log.include.messages</c>: include the record's key, value and headers in the log
    /// (default false: records can carry personal data).
    /// </summary>
    public bool LogIncludeMessages { get; init; }

    /// <summary><c>errors.deadletterqueue.topic.name</c>: where failed records go; null or empty means no queue.</summary>
    public string? DeadLetterQueueTopicName { get; init; }

    /// <summary><c>errors.deadletterqueue.topic.replication.factor</c>: used when the worker creates the queue topic (default 3).</summary>
    public short DeadLetterQueueTopicReplicationFactor { get; init; } = 3;

    /// <summary><c>errors.deadletterqueue.context.headers.enable</c>: add the <c>__connect.errors.*</c> headers (default false).</summary>
    public bool DeadLetterQueueContextHeadersEnable { get; init; }

    /// <summary>Whether a dead-letter queue is configured.</summary>
    public bool HasDeadLetterQueue => !string.IsNullOrEmpty(DeadLetterQueueTopicName);
}
