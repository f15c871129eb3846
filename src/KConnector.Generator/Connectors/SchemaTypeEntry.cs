namespace KConnector.Generator.Connectors;

/// <summary>
/// One .avsc file of the project as connectors see it: its path (with '/' separators) and the C#
/// type generated from it, or null when it yields none (invalid, not a record, or left out).
/// </summary>
internal sealed record SchemaTypeEntry(
    string NormalizedPath,
    string SimpleName,
    string? CSharpFullName
);
