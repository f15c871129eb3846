namespace KConnector.Errors;

/// <summary>
/// An error that may go away if the operation is tried again (a timeout, a target that is briefly
/// down), as Kafka Connect's <c>org.apache.kafka.connect.errors.RetriableException</c>. Tasks and
/// converters throw it to ask for a retry; the worker retries with backoff for up to
/// <c>errors.retry.timeout</c>, then treats it as an ordinary failure.
/// </summary>
public class RetriableException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public RetriableException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RetriableException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public RetriableException() { }
}
