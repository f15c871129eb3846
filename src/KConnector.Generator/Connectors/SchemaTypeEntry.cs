namespace KConnector.Generator.Connectors;

/// <summary>
/// One schema file of the project (.avsc or .schema.json) as connectors see it: its path (with '/'
/// separators), the C# type generated from its top level, or null when it yields none (invalid, not
/// a record, or left out), and what that type can be converted as.
/// </summary>
/// <param name="Shape">The record's fields as connectors map them (columns, document fields), or null.</param>
internal sealed record SchemaTypeEntry(
    string NormalizedPath,
    string SimpleName,
    string? CSharpFullName,
    TypeFormats Format,
    RecordShapeModel? Shape = null
);
