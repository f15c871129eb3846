using System.Text;
using KConnector.JsonSchema;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;

namespace KConnector.Converters;

/// <summary>
/// The library road of <see cref="JsonSchemaConverter{T}"/>: NJsonSchema, for the schemas the
/// generator did not compile (a keyword it does not compile, or a writer's schema that arrived
/// from the registry and is not the type's own). Not AOT-safe (Newtonsoft.Json reflection), so it
/// is kept apart: the compiled road never reaches this class.
/// </summary>
internal static class JsonSchemaLibraryValidation
{
    public static NJsonSchemaDocument Parse(string text, string what)
    {
        try
        {
            return NJsonSchemaDocument.FromJsonAsync(text).GetAwaiter().GetResult();
        }
        catch (Exception e)
            when (e
                    is Newtonsoft.Json.JsonException
                        or InvalidOperationException
                        or NotSupportedException
            )
        {
            throw new DataException($"The JSON Schema of {what} cannot be parsed: {e.Message}", e);
        }
    }

    /// <summary>The payload's violations in the validator's form (innermost JSON path, NJsonSchema's kind).</summary>
    public static JsonSchemaValidationResult Validate(
        NJsonSchemaDocument schema,
        ReadOnlySpan<byte> json
    )
    {
        // NJsonSchema validates Newtonsoft tokens, so the payload is handed over as text.
        var text = Encoding.UTF8.GetString(json);
        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = schema.Validate(text);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            return new JsonSchemaValidationResult([
                new JsonSchemaValidationError("$", "InvalidJson: " + e.Message, null, null),
            ]);
        }
        if (errors.Count == 0)
        {
            return JsonSchemaValidationResult.Valid;
        }
        var list = new List<JsonSchemaValidationError>(errors.Count);
        JsonSchemaValidator.Flatten(errors, list);
        return new JsonSchemaValidationResult(list);
    }
}
