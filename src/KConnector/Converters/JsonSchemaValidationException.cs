namespace KConnector.Converters;

/// <summary>
/// A JSON payload its JSON Schema rejects, on write or on read (the JsonSchema converter validates
/// both ways). A <see cref="DataException"/>, so <c>errors.tolerance</c> and the dead-letter queue apply.
/// </summary>
public sealed class JsonSchemaValidationException : DataException
{
    /// <summary>Creates the exception.</summary>
    public JsonSchemaValidationException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public JsonSchemaValidationException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public JsonSchemaValidationException() { }

    /// <summary>Creates the exception with the validator's errors (<c>path: kind</c>).</summary>
    public JsonSchemaValidationException(string message, IReadOnlyList<string> errors)
        : base(message)
    {
        Errors = errors;
    }

    /// <summary>Each violation as <c>#/path: Kind</c>.</summary>
    public IReadOnlyList<string> Errors { get; } = [];
}
