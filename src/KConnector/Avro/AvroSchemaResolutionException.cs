namespace KConnector.Avro;

/// <summary>
/// A writer schema that a reader schema cannot read (Avro specification, "Schema Resolution"):
/// thrown when the resolution plan is built, naming the field and the reason.
/// </summary>
public sealed class AvroSchemaResolutionException : Exception
{
    /// <summary>Creates the exception for a field path and a reason.</summary>
    public AvroSchemaResolutionException(string field, string reason)
        : base($"Cannot resolve the writer's schema against the reader's at '{field}': {reason}.")
    {
        Field = field;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AvroSchemaResolutionException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AvroSchemaResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public AvroSchemaResolutionException()
        : this("Cannot resolve the writer's schema against the reader's.") { }

    /// <summary>The field (dotted path from the reader's record) where resolution failed.</summary>
    public string Field { get; }
}
