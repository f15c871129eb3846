using System;
using System.Linq;
using KConnector.Generator.Helpers;
using KConnector.Generator.JsonSchema;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// *.schema.json files -> records, enums and unions that read and write themselves as JSON.
    /// Files are parsed one by one (an edit re-parses only that file); $refs are resolved over
    /// all files together; each type is then emitted on its own, so only changed types are
    /// written again. Returns the parse step, which the connector pipeline reads too (each file is
    /// parsed once).
    /// </summary>
    private static IncrementalValuesProvider<JsonSchemaFileModel> InitializeJsonSchema(
        IncrementalGeneratorInitializationContext context
    )
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider.Select(
            static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns)
                    ? ns.Trim()
                    : string.Empty
        );

        var files = context
            .AdditionalTextsProvider.Where(static file =>
                file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
            )
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(
                static (pair, cancellationToken) =>
                    SchemaFileInputs.Read(pair.Left, pair.Right, cancellationToken)
            )
            .Where(static file => file.Generate)
            .Combine(rootNamespace)
            .Select(static (pair, _) => new JsonSchemaFileInput(pair.Left, pair.Right))
            .WithTrackingName(KConnectorGeneratorStepNames.JsonSchemaFiles);

        var parsed = files
            .Select(static (file, _) => JsonSchemaParser.Parse(file))
            .WithTrackingName(KConnectorGeneratorStepNames.JsonSchemaParsed);

        var resolved = parsed
            .Collect()
            .Select(static (all, _) => JsonSchemaResolver.Resolve(all))
            .WithTrackingName(KConnectorGeneratorStepNames.JsonSchemaResolved);

        var types = resolved
            .SelectMany(static (set, _) => set.Types)
            .WithTrackingName(KConnectorGeneratorStepNames.JsonSchemaTypes);

        var diagnostics = parsed
            .Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Combine(resolved)
            .Select(
                static (pair, _) =>
                    pair.Left.SelectMany(d => d).Concat(pair.Right.Diagnostics).ToEquatableArray()
            )
            .WithTrackingName(KConnectorGeneratorStepNames.JsonSchemaDiagnostics);

        context.RegisterSourceOutput(
            types,
            static (spc, type) =>
                spc.AddSource(
                    global::KConnector.Generator.Emit.CSharpIdentifier.Unescaped(type.FullName)
                        + ".json.g.cs",
                    SourceText.From(JsonSchemaEmitter.Emit(type), System.Text.Encoding.UTF8)
                )
        );
        InitializeJsonSchemaValidation(context, types);
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
}
