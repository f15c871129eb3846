namespace KConnector.Generator.Connectors;

/// <summary>
/// One .avsc file of the project as connectors see it: its path (with '/' separators) and the C#
/// type generated from it, or null when it yields none (invalid, not a record, or left out).
/// </summary>
/// <param name="Shape">The record's fields as connectors map them (columns, document fields), or null.</param>
internal sealed record SchemaTypeEntry(
    string NormalizedPath,
    string SimpleName,
    string? CSharpFullName,
    RecordShapeModel? Shape = null
);
