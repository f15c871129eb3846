namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>A declared property: its JSON name, the node validating its value, whether it is required.</summary>
internal sealed record ValidationProperty(string Name, int Node, bool Required);
