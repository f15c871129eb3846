namespace KConnector.Hosting;

/// <summary>A connector of that name already runs on the worker (Kafka Connect answers 409 Conflict).</summary>
public sealed class ConnectorExistsException : InvalidOperationException
{
    /// <summary>Creates the exception for the connector <paramref name="connector"/>.</summary>
    public ConnectorExistsException(string connector)
        : base($"Connector {connector} already exists") => Connector = connector;

    /// <summary>Creates the exception without a connector.</summary>
    public ConnectorExistsException()
        : this(string.Empty) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConnectorExistsException(string message, Exception innerException)
        : base(message, innerException) => Connector = string.Empty;

    /// <summary>The connector's name.</summary>
    public string Connector { get; }
}
