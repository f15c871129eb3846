using System.Net;

namespace KConnector.SchemaRegistry;

/// <summary>
/// A Schema Registry request that failed, with the registry's own <c>error_code</c> and message
/// (for example 40401 subject not found, 40403 schema not found, 409 incompatible schema,
/// 42201 invalid schema).
/// </summary>
public sealed class SchemaRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaRegistryException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public SchemaRegistryException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public SchemaRegistryException() { }

    /// <summary>Creates the exception for an HTTP error response.</summary>
    public SchemaRegistryException(
        string message,
        HttpStatusCode statusCode,
        int errorCode,
        string? subject,
        Exception? innerException = null
    )
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Subject = subject;
    }

    /// <summary>The HTTP status of the registry's response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The registry's <c>error_code</c> (e.g. 40401), or -1 when the response carried none.</summary>
    public int ErrorCode { get; } = -1;

    /// <summary>The subject the request was about, when it was about one.</summary>
    public string? Subject { get; }

    /// <summary>
    /// True when the registry itself was the problem, after <c>schema.registry.max.retries</c>:
    /// it could not be reached, timed out, or answered 408, 429 or 5xx. Such a failure says
    /// nothing about the schema or the record; converters turn it into a
    /// <see cref="Errors.DependencyUnavailableException"/>, which the worker waits out.
    /// </summary>
    public bool IsUnavailable { get; init; }
}
