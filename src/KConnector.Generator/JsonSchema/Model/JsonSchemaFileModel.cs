using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// What parsing one *.schema.json file yields: its declarations with $refs still unresolved, its
/// "$id" (a base for resolving relative $refs by URI), its compact text and the addresses of the
/// other files its $refs name (what a validator needs beside it), and the errors found.
/// </summary>
internal sealed record JsonSchemaFileModel(
    string Path,
    string Id,
    string CompactText,
    EquatableArray<string> ExternalAddresses,
    EquatableArray<JsonTypeDeclaration> Declarations,
    EquatableArray<DiagnosticInfo> Diagnostics
);
