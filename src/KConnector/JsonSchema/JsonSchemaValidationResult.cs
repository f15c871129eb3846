namespace KConnector.JsonSchema;

/// <summary>The outcome of validating one payload: valid, or the list of its errors.</summary>
public sealed class JsonSchemaValidationResult
{
    /// <summary>A payload that satisfied its schema.</summary>
    public static readonly JsonSchemaValidationResult Valid = new([]);

    /// <summary>Creates a result holding <paramref name="errors"/> (valid when empty).</summary>
    public JsonSchemaValidationResult(IReadOnlyList<JsonSchemaValidationError> errors)
    {
        Errors = errors;
    }

    /// <summary>Whether the payload satisfied its schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error found, in document order.</summary>
    public IReadOnlyList<JsonSchemaValidationError> Errors { get; }

    /// <inheritdoc />
    public override string ToString() =>
        IsValid ? "valid" : string.Join("; ", Errors.Select(e => e.ToString()));
}
