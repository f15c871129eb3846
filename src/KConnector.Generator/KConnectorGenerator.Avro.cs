using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>*.avsc files -> records with Avro codecs.</summary>
    private static void InitializeAvro(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context
            .AdditionalTextsProvider.Where(static file =>
                file.Path.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase)
            )
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(
                static (pair, cancellationToken) =>
                    SchemaFileInputs.Read(pair.Left, pair.Right, cancellationToken)
            )
            .Where(static file => file.Generate)
            .WithTrackingName(KConnectorGeneratorStepNames.SchemaFiles);

        var parsed = schemaFiles
            .Select(static (file, _) => AvroSchemaParser.Parse(file))
            .WithTrackingName(KConnectorGeneratorStepNames.ParsedSchemas);

        // Records of all files together: clashes between files can only be seen here.
        var records = parsed
            .SelectMany(static (result, _) => result.Records)
            .Collect()
            .Select(static (all, _) => Deduplicate(all))
            .WithTrackingName(KConnectorGeneratorStepNames.Records);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Collect()
            .Combine(records)
            .Select(
                static (pair, _) =>
                    pair.Left.SelectMany(d => d).Concat(pair.Right.Diagnostics).ToEquatableArray()
            )
            .WithTrackingName(KConnectorGeneratorStepNames.Diagnostics);

        context.RegisterSourceOutput(
            records,
            static (spc, result) =>
            {
                foreach (var record in result.Records)
                {
                    spc.AddSource(
                        record.CSharpFullName + ".g.cs",
                        SourceText.From(AvroRecordEmitter.Emit(record), System.Text.Encoding.UTF8)
                    );
                }
            }
        );
        context.RegisterSourceOutput(
            diagnostics,
            static (spc, all) =>
            {
                foreach (var diagnostic in all)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            }
        );
    }

    private static RecordSet Deduplicate(IEnumerable<AvroRecordModel> all)
    {
        var byType = new Dictionary<string, AvroRecordModel>(StringComparer.Ordinal);
        var kept = new List<AvroRecordModel>();
        var clashes = new List<DiagnosticInfo>();
        foreach (var record in all.OrderBy(r => r.SourcePath, StringComparer.Ordinal))
        {
            if (byType.TryGetValue(record.CSharpFullName, out var first))
            {
                var location = new LocationInfo(record.SourcePath, default, default);
                clashes.Add(
                    DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateGeneratedType,
                        location,
                        System.IO.Path.GetFileName(record.SourcePath),
                        1.ToString(CultureInfo.InvariantCulture),
                        "$.name",
                        record.CSharpFullName,
                        System.IO.Path.GetFileName(first.SourcePath)
                    )
                );
                continue;
            }
            byType.Add(record.CSharpFullName, record);
            kept.Add(record);
        }
        return new RecordSet(kept.ToEquatableArray(), clashes.ToEquatableArray());
    }

    private sealed record RecordSet(
        EquatableArray<AvroRecordModel> Records,
        EquatableArray<DiagnosticInfo> Diagnostics
    );
}
