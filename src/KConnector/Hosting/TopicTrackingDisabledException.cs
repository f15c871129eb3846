namespace KConnector.Hosting;

/// <summary>
/// A request about a connector's active topics that the worker's keys do not allow:
/// <c>topic.tracking.enable=false</c> or <c>topic.tracking.allow.reset=false</c>. Kafka Connect's
/// REST API answers it 403 Forbidden with this message.
/// </summary>
public sealed class TopicTrackingDisabledException : InvalidOperationException
{
    /// <summary>Creates the exception with its message.</summary>
    public TopicTrackingDisabledException(string message)
        : base(message) { }

    /// <summary>Creates the exception with Kafka Connect's message for disabled tracking.</summary>
    public TopicTrackingDisabledException()
        : base("Topic tracking is disabled.") { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TopicTrackingDisabledException(string message, Exception innerException)
        : base(message, innerException) { }
}
