using KConnector.Generator.Avro;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Models;

/// <summary>
/// What parsing one schema file yields: the named types it defines (references to other files'
/// types still unresolved) and the errors found.
/// </summary>
internal sealed record SchemaFileResult(
    EquatableArray<AvroNamedTypeModel> Types,
    EquatableArray<DiagnosticInfo> Diagnostics
);
