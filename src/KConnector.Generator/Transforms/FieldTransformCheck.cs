using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The build's verdict on a transformation that runs on schemaless (<c>JsonNode</c>) keys and
/// values only: a spec's generated worker has generated types or strings, so every record would
/// fail at stage TRANSFORMATION. Kafka Connect's field-level built-ins are compiled for the
/// spec's types where they can be (<see cref="CompiledChainPlanner"/>, which reports KCN0250 or
/// KCN0258 where they cannot); any other such plugin is refused here (KCN0250).
/// </summary>
internal static class FieldTransformCheck
{
    public static void ReportSchemalessOnly(
        DiagnosticBag diagnostics,
        SpecEntry type,
        string name,
        string className
    )
    {
        if (CompiledChainPlanner.MayCompile(className))
        {
            return;
        }
        diagnostics.Report(
            DiagnosticDescriptors.TransformNeedsSchemalessRecords,
            type.ValueWhere,
            name,
            "it is not one of Kafka Connect's field-level transformations, which the build compiles"
        );
    }
}
