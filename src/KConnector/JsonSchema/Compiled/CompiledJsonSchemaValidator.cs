using System.Text.Json;
using KConnector.Json;

namespace KConnector.JsonSchema;

/// <summary>
/// Runs the validation the generator compiled from a type's JSON Schema over a UTF-8 payload:
/// one pass of a <see cref="Utf8JsonReader"/>, no Newtonsoft token tree, no reflection (AOT-safe).
/// Errors have the paths and kinds <see cref="JsonSchemaValidator"/> (NJsonSchema) reports.
/// </summary>
public static class CompiledJsonSchemaValidator
{
    [ThreadStatic]
    private static JsonSchemaValidationContext? _context;

    /// <summary>Whether the generator compiled <typeparamref name="T"/>'s schema (false: only <see cref="JsonSchemaValidator"/> can check it).</summary>
    public static bool IsCompiled<T>()
        where T : IJsonSchemaRecord<T> => T.CompiledValidation is not null;

    /// <summary>Validates one UTF-8 JSON payload against <typeparamref name="T"/>'s schema.</summary>
    /// <exception cref="InvalidOperationException">The schema was not compiled (<see cref="IsCompiled{T}"/>).</exception>
    public static JsonSchemaValidationResult Validate<T>(ReadOnlySpan<byte> utf8Payload)
        where T : IJsonSchemaRecord<T>
    {
        var validation =
            T.CompiledValidation
            ?? throw new InvalidOperationException(
                $"The JSON Schema of {typeof(T).Name} was not compiled; validate it with JsonSchemaValidator."
            );
        return Validate(validation, utf8Payload);
    }

    /// <summary>Validates one UTF-8 JSON payload with <paramref name="validation"/>.</summary>
    public static JsonSchemaValidationResult Validate(
        CompiledJsonSchemaValidation validation,
        ReadOnlySpan<byte> utf8Payload
    )
    {
        ArgumentNullException.ThrowIfNull(validation);
        var context = _context ??= new JsonSchemaValidationContext();
        context.Reset();
        try
        {
            var reader = new Utf8JsonReader(utf8Payload);
            if (!reader.Read())
            {
                throw new JsonException("The payload holds no JSON value.", null, 0, 0);
            }
            if (validation(ref reader, context))
            {
                // Anything after the value is an error the reader reports here.
                reader.Read();
                return JsonSchemaValidationResult.Valid;
            }
        }
        catch (JsonException e)
        {
            // Utf8JsonReader counts from 0; NJsonSchema (Newtonsoft) from 1.
            return new JsonSchemaValidationResult([
                new JsonSchemaValidationError(
                    "$",
                    "InvalidJson: " + e.Message,
                    (int?)e.LineNumber + 1,
                    (int?)e.BytePositionInLine + 1
                ),
            ]);
        }
        return new JsonSchemaValidationResult(context.Errors.ToArray());
    }
}
