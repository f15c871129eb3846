using System;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Cdc;

/// <summary>
/// The typed change events' pipeline: each parsed spec with the specs' texts (for the place of
/// table.value.schemas), the schema index and the .avsc files' top-level types, resolved into a
/// &lt;Spec&gt;Tables class and KCN0290-KCN0295.
/// </summary>
internal static class CdcPipeline
{
    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ParsedSpec> parsedSpecs,
        IncrementalValuesProvider<ConnectorSource> specFiles,
        IncrementalValueProvider<EquatableArray<SchemaTypeEntry>> schemaIndex
    )
    {
        var avscFiles = context
            .AdditionalTextsProvider.Where(static file =>
                file.Path.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase)
            )
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(
                static (pair, ct) =>
                    CdcSchemaFileReader.Read(SchemaFileInputs.Read(pair.Left, pair.Right, ct))
            )
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray());
        var results = parsedSpecs
            .Combine(specFiles.Collect().Select(static (all, _) => all.ToEquatableArray()))
            .Combine(schemaIndex)
            .Combine(avscFiles)
            .Select(
                static (pair, _) =>
                    CdcTableResolver.Resolve(
                        pair.Left.Left.Left,
                        pair.Left.Left.Right,
                        pair.Left.Right,
                        pair.Right
                    )
            );
        context.RegisterSourceOutput(
            results,
            static (spc, result) =>
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
                CdcTablesEmitter.AddSource(spc, result);
            }
        );
    }
}
