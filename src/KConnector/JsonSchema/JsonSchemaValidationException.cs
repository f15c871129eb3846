namespace KConnector.JsonSchema;

/// <summary>A payload that does not satisfy its JSON Schema, or a schema that cannot be loaded.</summary>
public sealed class JsonSchemaValidationException : Exception
{
    /// <summary>Creates an exception listing the errors of <paramref name="result"/>.</summary>
    public JsonSchemaValidationException(JsonSchemaValidationResult result)
        : base("The JSON payload does not satisfy its schema: " + result)
    {
        Errors = result.Errors;
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
