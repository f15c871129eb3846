using System.Text.Json;

namespace KConnector.JsonSchema;

/// <summary>
/// The validation the generator compiled from a type's JSON Schema: checks the value at
/// <paramref name="reader"/>'s current token, reports each violation to
/// <paramref name="context"/>, and leaves the reader on the value's last token.
/// </summary>
/// <returns>Whether the value satisfies the schema.</returns>
public delegate bool CompiledJsonSchemaValidation(
    ref Utf8JsonReader reader,
    JsonSchemaValidationContext context
);
