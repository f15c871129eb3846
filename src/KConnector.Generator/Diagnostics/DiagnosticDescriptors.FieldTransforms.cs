using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0250-KCN0259: field-level single message transforms in connector specs.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor TransformNeedsSchemalessRecords = Error(
        "KCN0250",
        "Field-level transformation needs schemaless records",
        Where
            + "\"{3}\" runs on schemaless records (System.Text.Json.Nodes.JsonNode keys and values), and a spec's worker has generated types or strings: every record would fail. "
            + "Run it in a hosted worker with JsonNode keys and values (docs/transforms.md), or remove it; field-level transforms on typed records are not built yet."
    );
}
