namespace KConnector.Hosting;

/// <summary>
/// The connector is not in the state the request needs: its offsets are read, altered or reset only
/// while it is STOPPED (KIP-875; Kafka Connect answers 400 Bad Request), or the connector cannot do
/// what was asked (a task id it does not have).
/// </summary>
public sealed class ConnectorStateException : InvalidOperationException
{
    /// <summary>Creates the exception with its message.</summary>
    public ConnectorStateException(string message)
        : base(message) { }

    /// <summary>Creates the exception without details.</summary>
    public ConnectorStateException()
        : base("The connector is not in a state that allows this request.") { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConnectorStateException(string message, Exception innerException)
        : base(message, innerException) { }
}
