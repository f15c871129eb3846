namespace KConnector.Configuration;

/// <summary>A <c>${provider:path:key}</c> reference could not be resolved.</summary>
public sealed class ConfigProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigProviderException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public ConfigProviderException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public ConfigProviderException()
        : base("A config reference could not be resolved.") { }
}
