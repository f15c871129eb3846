using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The build's verdict on a field-level transformation in a spec: it runs on schemaless
/// (<c>JsonNode</c>) keys and values only, and a spec's generated worker has generated types or
/// strings, so every record would fail at stage TRANSFORMATION. The build says so instead (KCN0250).
/// </summary>
internal static class FieldTransformCheck
{
    public static void ReportSchemalessOnly(
        DiagnosticBag diagnostics,
        SpecEntry type,
        string name
    ) =>
        diagnostics.Report(
            DiagnosticDescriptors.TransformNeedsSchemalessRecords,
            type.ValueWhere,
            name
        );
}
