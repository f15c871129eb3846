using KConnector.Generator.Avro;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Models;

/// <summary>What parsing one schema file yields: the types to generate and the errors found.</summary>
internal sealed record SchemaFileResult(
    EquatableArray<AvroRecordModel> Records,
    EquatableArray<DiagnosticInfo> Diagnostics
);
