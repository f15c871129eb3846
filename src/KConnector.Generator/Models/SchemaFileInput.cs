namespace KConnector.Generator.Models;

/// <summary>
/// One schema file as the pipeline's first step sees it: its path, its text and its MSBuild item
/// metadata. Plain strings, so that an unrelated C# edit compares equal and stops here.
/// </summary>
/// <param name="LogicalTypes">KConnectorLogicalTypes: "typed" (the default, also when empty) or "underlying".</param>
internal sealed record SchemaFileInput(
    string Path,
    string Text,
    string NamespaceOverride,
    string Access,
    bool Generate,
    string LogicalTypes = ""
);
