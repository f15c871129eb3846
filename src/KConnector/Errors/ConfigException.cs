namespace KConnector.Errors;

/// <summary>
/// A configuration value that is missing or wrong; the message and <see cref="Key"/> name the
/// config key at fault, as Kafka Connect's <c>ConfigException</c> does.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public ConfigException(string key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConfigException(string message)
        : base(message)
    {
        Key = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
    }

    /// <summary>Creates the exception without details.</summary>
    public ConfigException()
    {
        Key = "";
    }

    /// <summary>The config key at fault, e.g. <c>errors.tolerance</c>.</summary>
    public string Key { get; }
}
