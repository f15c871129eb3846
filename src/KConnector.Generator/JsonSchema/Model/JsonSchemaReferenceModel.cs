namespace KConnector.Generator.JsonSchema;

/// <summary>A schema document another one names in a $ref: the address as written, and its compact text.</summary>
internal sealed record JsonSchemaReferenceModel(string Address, string Text);
