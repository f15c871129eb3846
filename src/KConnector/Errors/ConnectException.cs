namespace KConnector.Errors;

/// <summary>
/// An error in a connector's data path, carrying the stage it happened in and, for sinks, the
/// Kafka coordinates of the record at fault.
/// </summary>
public sealed class ConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectException(Stage stage, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Stage = stage;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConnectException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConnectException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public ConnectException() { }

    /// <summary>The stage the error happened in.</summary>
    public Stage Stage { get; }

    /// <summary>The topic of the consumed record at fault, when there is one (sinks).</summary>
    public string? Topic { get; init; }

    /// <summary>The partition of the consumed record at fault, when there is one.</summary>
    public int? Partition { get; init; }

    /// <summary>The offset of the consumed record at fault, when there is one.</summary>
    public long? Offset { get; init; }
}
