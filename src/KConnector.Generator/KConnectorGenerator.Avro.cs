using System;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// *.avsc files -> records, enums and unions with Avro codecs. Each file is parsed on its own
    /// (cached per file); the parsed files are then collected into one name table, since a file
    /// may reference types defined in another; the resolved types fan out again one by one, so
    /// that only the types whose model changed are emitted again. Returns the parse step, which
    /// the connector pipeline reads too (each file is parsed once).
    /// </summary>
    private static IncrementalValuesProvider<SchemaFileResult> InitializeAvro(
        IncrementalGeneratorInitializationContext context
    )
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

        var resolved = parsed
            .Collect()
            .Select(static (all, _) => new ResolvedSet(AvroNameTable.Resolve(all)))
            .WithTrackingName(KConnectorGeneratorStepNames.ResolvedSchemas);

        var types = resolved
            .SelectMany(
                static (set, _) => set.Types.Where(t => t.Definition.Kind != AvroKind.Fixed)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.AvroTypes);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Collect()
            .Combine(resolved)
            .Select(
                static (pair, _) =>
                    pair.Left.SelectMany(d => d).Concat(pair.Right.Diagnostics).ToEquatableArray()
            )
            .WithTrackingName(KConnectorGeneratorStepNames.Diagnostics);

        context.RegisterSourceOutput(types, static (spc, type) => EmitAvroType(spc, type));
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
        return parsed;
    }

    private static void EmitAvroType(SourceProductionContext spc, AvroGeneratedType type)
    {
        string source;
        try
        {
            source = AvroTypeEmitter.Emit(type);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The generator must never throw (a crash becomes an opaque AD0001 warning): report it.
            var location = type.Definition.Location;
            spc.ReportDiagnostic(
                DiagnosticInfo
                    .Create(
                        Diagnostics.DiagnosticDescriptors.GeneratorFailure,
                        location,
                        System.IO.Path.GetFileName(location.FilePath),
                        location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        type.Definition.Path,
                        e.GetType().Name + ": " + e.Message
                    )
                    .ToDiagnostic()
            );
            return;
        }
        spc.AddSource(
            global::KConnector.Generator.Emit.CSharpIdentifier.Unescaped(
                type.Definition.CSharpFullName
            ) + ".g.cs",
            SourceText.From(source, System.Text.Encoding.UTF8)
        );
    }

    private sealed record ResolvedSet(
        EquatableArray<AvroGeneratedType> Types,
        EquatableArray<DiagnosticInfo> Diagnostics
    )
    {
        public ResolvedSet(
            (
                EquatableArray<AvroGeneratedType> Types,
                EquatableArray<DiagnosticInfo> Diagnostics
            ) pair
        )
            : this(pair.Types, pair.Diagnostics) { }
    }
}
