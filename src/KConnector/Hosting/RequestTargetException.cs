namespace KConnector.Hosting;

/// <summary>
/// A request this worker cannot complete, but another can (Kafka Connect's
/// <c>RequestTargetException</c>): the REST layer forwards it to <see cref="ForwardUrl"/>, the
/// other worker's REST URL, or answers 409 Conflict when there is none or it was forwarded already.
/// </summary>
public class RequestTargetException : InvalidOperationException
{
    /// <summary>Creates the exception: <paramref name="forwardUrl"/> is the worker to ask, or null when none is known.</summary>
    public RequestTargetException(string message, string? forwardUrl)
        : base(message) => ForwardUrl = forwardUrl;

    /// <summary>Creates the exception without a message or a target.</summary>
    public RequestTargetException()
        : this("Another worker must complete this request", (string?)null) { }

    /// <summary>Creates the exception without a target.</summary>
    public RequestTargetException(string message)
        : this(message, (string?)null) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RequestTargetException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>The REST URL of the worker that can complete the request (e.g. <c>http://10.0.0.2:8083/</c>), or null.</summary>
    public string? ForwardUrl { get; }
}
