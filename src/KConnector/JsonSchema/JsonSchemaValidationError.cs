namespace KConnector.JsonSchema;

/// <summary>One way a payload breaks its JSON Schema.</summary>
/// <param name="Path">Where, as a JSON path from the payload's root (<c>$</c>, <c>$.lines[0].sku</c>).</param>
/// <param name="Kind">What, as NJsonSchema names it (<c>PropertyRequired</c>, <c>StringExpected</c>, <c>NoAdditionalPropertiesAllowed</c>, ...).</param>
/// <param name="Line">The payload's 1-based line, when known.</param>
/// <param name="Position">The 1-based position in that line, when known.</param>
public sealed record JsonSchemaValidationError(string Path, string Kind, int? Line, int? Position)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line is { } line
            ? $"{Kind} at {Path} (line {line}, position {Position})"
            : $"{Kind} at {Path}";
}
