namespace KConnector.Generator.Connectors;

/// <summary>A converter picked by a spec or an attribute, and where it was named (null when defaulted).</summary>
internal sealed record ConverterChoice(ConverterKind Kind, SpecLocation? Where);
