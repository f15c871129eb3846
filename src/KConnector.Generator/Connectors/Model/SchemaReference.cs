namespace KConnector.Generator.Connectors;

/// <summary>A schema file named by a spec: as written, resolved against the spec's folder, and where.</summary>
internal sealed record SchemaReference(string Written, string ResolvedPath, SpecLocation Where);
