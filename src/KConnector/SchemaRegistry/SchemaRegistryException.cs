namespace KConnector.SchemaRegistry;

/// <summary>A Schema Registry request that failed, with the registry's own message.</summary>
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
}
