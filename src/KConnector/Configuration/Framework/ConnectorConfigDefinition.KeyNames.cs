namespace KConnector.Configuration.Framework;

// The names of the keys the runtime reads by name (Kafka Connect's *_CONFIG constants): the
// [ConfigKey] attributes state them through these constants, so each name is written once.
public static partial class ConnectorConfigDefinition
{
    /// <summary><c>name</c>.</summary>
    public const string NameKey = "name";

    /// <summary><c>tasks.max</c>.</summary>
    public const string TasksMaxKey = "tasks.max";

    /// <summary><c>header.converter</c>.</summary>
    public const string HeaderConverterKey = "header.converter";

    /// <summary><c>errors.retry.timeout</c>.</summary>
    public const string ErrorsRetryTimeoutKey = "errors.retry.timeout";

    /// <summary><c>errors.retry.delay.max.ms</c>.</summary>
    public const string ErrorsRetryDelayMaxMsKey = "errors.retry.delay.max.ms";

    /// <summary><c>errors.dependency.timeout.ms</c>.</summary>
    public const string ErrorsDependencyTimeoutMsKey = "errors.dependency.timeout.ms";

    /// <summary><c>errors.tolerance</c>.</summary>
    public const string ErrorsToleranceKey = "errors.tolerance";

    /// <summary><c>errors.log.enable</c>.</summary>
    public const string ErrorsLogEnableKey = "errors.log.enable";

    /// <summary><c>errors.log.include.messages</c>.</summary>
    public const string ErrorsLogIncludeMessagesKey = "errors.log.include.messages";

    /// <summary><c>errors.deadletterqueue.topic.name</c>.</summary>
    public const string ErrorsDeadLetterQueueTopicNameKey = "errors.deadletterqueue.topic.name";

    /// <summary><c>errors.deadletterqueue.topic.replication.factor</c>.</summary>
    public const string ErrorsDeadLetterQueueTopicReplicationFactorKey =
        "errors.deadletterqueue.topic.replication.factor";

    /// <summary><c>errors.deadletterqueue.context.headers.enable</c>.</summary>
    public const string ErrorsDeadLetterQueueContextHeadersEnableKey =
        "errors.deadletterqueue.context.headers.enable";

    /// <summary><c>task.restart.auto.enable</c>.</summary>
    public const string TaskRestartAutoEnableKey = "task.restart.auto.enable";

    /// <summary><c>task.restart.max.attempts</c>.</summary>
    public const string TaskRestartMaxAttemptsKey = "task.restart.max.attempts";

    /// <summary><c>task.restart.backoff.initial.ms</c>.</summary>
    public const string TaskRestartBackoffInitialMsKey = "task.restart.backoff.initial.ms";

    /// <summary><c>task.restart.backoff.max.ms</c>.</summary>
    public const string TaskRestartBackoffMaxMsKey = "task.restart.backoff.max.ms";
}
