namespace KConnector.Connectors.Configuration;

/// <summary>
/// A connector's configuration is invalid. The message lists every problem, each naming its key,
/// as Kafka Connect's <c>ConfigException</c> does; secret values are never part of it.
/// </summary>
public sealed class ConnectorConfigException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ConnectorConfigException(string connector, IReadOnlyList<string> errors)
        : base(
            $"Invalid {connector} configuration:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", errors)
        )
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConnectorConfigException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConnectorConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception without details.</summary>
    public ConnectorConfigException()
    {
        Errors = [];
    }

    /// <summary>Each problem, naming its key.</summary>
    public IReadOnlyList<string> Errors { get; }
}
