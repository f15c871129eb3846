namespace KConnector.Generator.JsonSchema;

/// <summary>A declared property of an object schema.</summary>
internal sealed record JsonPropertyModel(
    string JsonName,
    string PropertyName,
    JsonTypeRef Type,
    bool Required,
    string? Doc
);
