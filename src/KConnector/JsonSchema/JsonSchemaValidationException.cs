using KConnector.Converters;

namespace KConnector.JsonSchema;

/// <summary>
/// A payload that does not satisfy its JSON Schema (or a schema that cannot be loaded to check it),
/// whoever checked it: <see cref="JsonSchemaValidator"/>, or the JsonSchema converter on write and
/// on read. A <see cref="DataException"/>, so that in a worker <c>errors.tolerance</c> and the
/// dead-letter queue apply. One type for both (issue 13 item 5: the converter had its own of the
/// same name).
/// </summary>
public sealed class JsonSchemaValidationException : DataException
{
    /// <summary>Creates an exception listing the errors of <paramref name="result"/>.</summary>
    public JsonSchemaValidationException(JsonSchemaValidationResult result)
        : base("The JSON payload does not satisfy its schema: " + result)
    {
        Errors = result.Errors;
    }

    /// <summary>Creates an exception with a message and the errors found.</summary>
    public JsonSchemaValidationException(
        string message,
        IReadOnlyList<JsonSchemaValidationError> errors
    )
        : base(message)
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates an exception with a message.</summary>
    public JsonSchemaValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public JsonSchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with no detail.</summary>
    public JsonSchemaValidationException()
        : this("The JSON payload does not satisfy its schema.") { }

    /// <summary>The errors found (empty when the schema itself could not be loaded).</summary>
    public IReadOnlyList<JsonSchemaValidationError> Errors { get; }
}
