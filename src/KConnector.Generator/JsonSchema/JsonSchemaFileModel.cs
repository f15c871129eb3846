using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// What parsing one *.schema.json file yields: its declarations with $refs still unresolved, its
/// "$id" (a base for resolving relative $refs by URI), and the errors found.
/// </summary>
internal sealed record JsonSchemaFileModel(
    string Path,
    string Id,
    EquatableArray<JsonTypeDeclaration> Declarations,
    EquatableArray<DiagnosticInfo> Diagnostics
);
