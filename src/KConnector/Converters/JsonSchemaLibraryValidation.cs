using System.Text;
using KConnector.JsonSchema;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;

namespace KConnector.Converters;

/// <summary>
/// The library road of <see cref="JsonSchemaConverter{T}"/>: one schema loaded by NJsonSchema, for
/// the schemas the generator did not compile (a keyword it does not compile, or a writer's schema
/// that arrived from the registry and is not the type's own). Not trim- or AOT-safe, so every use
/// is guarded by <see cref="JsonSchemaLibrary.IsSupported"/>: a Native AOT publish turns that off and
/// drops this class, NJsonSchema and Newtonsoft.Json from the binary.
/// </summary>
internal sealed class JsonSchemaLibraryValidation
{
    private readonly NJsonSchemaDocument _schema;

    private JsonSchemaLibraryValidation(NJsonSchemaDocument schema) => _schema = schema;

    /// <summary>Loads <paramref name="text"/>; <paramref name="what"/> names it in the error.</summary>
    /// <exception cref="DataException">NJsonSchema cannot load the schema.</exception>
    public static JsonSchemaLibraryValidation Parse(string text, string what)
    {
        try
        {
            return new(NJsonSchemaDocument.FromJsonAsync(text).GetAwaiter().GetResult());
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
    public JsonSchemaValidationResult Validate(ReadOnlySpan<byte> json)
    {
        // NJsonSchema validates Newtonsoft tokens, so the payload is handed over as text.
        var text = Encoding.UTF8.GetString(json);
        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = _schema.Validate(text);
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
