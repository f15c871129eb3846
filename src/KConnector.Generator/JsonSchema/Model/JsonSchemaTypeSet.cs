using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>The types of all schema files with every $ref resolved, and the errors only visible across files.</summary>
internal sealed record JsonSchemaTypeSet(
    EquatableArray<JsonTypeDeclaration> Types,
    EquatableArray<DiagnosticInfo> Diagnostics
);
