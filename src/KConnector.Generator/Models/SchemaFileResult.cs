using KConnector.Generator.Avro;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Models;

/// <summary>
/// What parsing one schema file yields: the named types it defines (references to other files'
/// types still unresolved) and the errors found.
/// </summary>
/// <param name="Path">The file's path, as the connector pipeline's schema index names it.</param>
internal sealed record SchemaFileResult(
    string Path,
    EquatableArray<AvroNamedTypeModel> Types,
    EquatableArray<DiagnosticInfo> Diagnostics
);
