using System;
using System.Linq;
using System.Text;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// *.connector.json specs and [SourceConnector]/[SinkConnector] classes -> config classes, workers
    /// and DI registrations. Specs and attribute classes are read on their own (cached per file), then
    /// matched with the .avsc files' types (as the Avro and JSON Schema pipelines parsed them) and the
    /// referenced connector packages.
    /// </summary>
    private static void InitializeConnectors(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SchemaFileResult> avroFiles,
        IncrementalValuesProvider<JsonSchema.JsonSchemaFileModel> jsonSchemaFiles
    )
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider.Select(
            static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns)
                    ? ns.Trim()
                    : string.Empty
        );
        var schemaIndex = SchemaIndex(context, avroFiles, jsonSchemaFiles);
        var classDrafts = ClassDrafts(context);

        // The plugins and framework keys of the referenced assemblies. Re-run on each compilation,
        // but its output is equatable, so everything after it stays cached while the references
        // do not change.
        var catalog = context
            .CompilationProvider.Select(
                static (compilation, cancellationToken) =>
                    PluginCatalogReader.Read(compilation, cancellationToken)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.PluginCatalog);
        catalog = WithProjectPlugins(context, catalog);
        context.RegisterSourceOutput(catalog, Transforms.TransformRegistrationEmitter.Emit);
        ConfigProviders.ConfigProviderPipeline.Register(context);
        context.RegisterSourceOutput(catalog, Converters.ConverterRegistrationEmitter.Emit);

        var specFiles = SpecFiles(context, rootNamespace);
        var parsedSpecs = specFiles
            .Combine(catalog)
            .Select(static (pair, _) => ConnectorSpecParser.Parse(pair.Left, pair.Right))
            .WithTrackingName(KConnectorGeneratorStepNames.ParsedConnectorSpecs);

        Cdc.CdcPipeline.Register(context, parsedSpecs, specFiles, schemaIndex);

        var specConnectors = parsedSpecs
            .Combine(schemaIndex)
            .Combine(catalog)
            .Combine(classDrafts)
            .Select(
                static (pair, _) =>
                    ConnectorSpecResolver.Resolve(
                        pair.Left.Left.Left,
                        pair.Left.Left.Right,
                        pair.Left.Right,
                        pair.Right
                    )
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ResolvedConnectorSpecs);

        var classConnectors = classDrafts
            .Combine(schemaIndex)
            .Combine(catalog)
            .Select(
                static (pair, _) =>
                    pair
                        .Left.Left.Select(draft =>
                            AttributeConnectorResolver.Resolve(draft, pair.Left.Right, pair.Right)
                        )
                        .ToEquatableArray()
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ResolvedConnectorClasses);

        var connectors = specConnectors
            .Collect()
            .Combine(classConnectors)
            .Select(static (pair, _) => ConnectorSetBuilder.Build(pair.Left.Concat(pair.Right)))
            .WithTrackingName(KConnectorGeneratorStepNames.Connectors);

        RegisterConnectorOutputs(context, connectors);
    }

    /// <summary>The project's *.connector.json files that generate code, each with the project's root namespace.</summary>
    private static IncrementalValuesProvider<ConnectorSource> SpecFiles(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<string> rootNamespace
    ) =>
        context
            .AdditionalTextsProvider.Where(static file =>
                file.Path.EndsWith(".connector.json", StringComparison.OrdinalIgnoreCase)
            )
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(
                static (pair, cancellationToken) =>
                    SchemaFileInputs.Read(pair.Left, pair.Right, cancellationToken)
            )
            .Where(static file => file.Generate)
            .Combine(rootNamespace)
            .Select(
                static (pair, _) =>
                    new ConnectorSource(
                        pair.Left.Path,
                        pair.Left.Text,
                        pair.Left.NamespaceOverride,
                        pair.Left.Access,
                        pair.Left.Generate,
                        pair.Right
                    )
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorSpecFiles);

    /// <summary>
    /// Every .avsc, .schema.json and .proto file as connectors see it, in path order. The .avsc and
    /// .schema.json files that generate code come from their own pipelines' parse steps (each schema
    /// is parsed once); only .proto files and files left out (KConnectorGenerate=false) are read here.
    /// </summary>
    private static IncrementalValueProvider<EquatableArray<SchemaTypeEntry>> SchemaIndex(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SchemaFileResult> avroFiles,
        IncrementalValuesProvider<JsonSchema.JsonSchemaFileModel> jsonSchemaFiles
    )
    {
        var avro = avroFiles
            .Select(static (file, _) => ConnectorSchemaIndex.FromAvro(file))
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorAvroSchemas);
        var jsonSchema = jsonSchemaFiles
            .Select(static (file, _) => ConnectorSchemaIndex.FromJsonSchema(file))
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorJsonSchemas);
        var others = context
            .AdditionalTextsProvider.Where(static file =>
                file.Path.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase)
                || file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
                || file.Path.EndsWith(".proto", StringComparison.OrdinalIgnoreCase)
            )
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(
                static (pair, cancellationToken) =>
                    SchemaFileInputs.Read(pair.Left, pair.Right, cancellationToken)
            )
            .Where(static file => ConnectorSchemaIndex.ReadsItself(file))
            .Select(static (file, _) => ConnectorSchemaIndex.Read(file));
        return avro.Collect()
            .Combine(jsonSchema.Collect())
            .Combine(others.Collect())
            .Select(
                static (all, _) =>
                    // A .proto listed twice (a <Protobuf> item also added by hand) is one file.
                    all
                        .Left.Left.Concat(all.Left.Right)
                        .Concat(all.Right)
                        .Distinct()
                        .OrderBy(e => e.NormalizedPath, StringComparer.Ordinal)
                        .ToEquatableArray()
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorSchemaIndex);
    }

    /// <summary>The project's [SourceConnector] and [SinkConnector] classes, read on their own.</summary>
    private static IncrementalValueProvider<EquatableArray<AttributeDraft>> ClassDrafts(
        IncrementalGeneratorInitializationContext context
    )
    {
        var sourceClasses = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                AttributeConnectorReader.SourceAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => AttributeConnectorReader.Read(ctx, ConnectorKind.Source, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.SourceConnectorClasses);
        var sinkClasses = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                AttributeConnectorReader.SinkAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => AttributeConnectorReader.Read(ctx, ConnectorKind.Sink, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.SinkConnectorClasses);
        return sourceClasses
            .Collect()
            .Combine(sinkClasses.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray())
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorClassDrafts);
    }

    /// <summary>Each connector's files, each record accessor once (however many specs map it), and the diagnostics.</summary>
    private static void RegisterConnectorOutputs(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<ConnectorSet> connectors
    )
    {
        context.RegisterSourceOutput(
            connectors.SelectMany(static (set, _) => set.Models),
            static (spc, model) => AddConnectorSources(spc, model)
        );
        context.RegisterSourceOutput(
            connectors.SelectMany(static (set, _) => set.Accessors),
            static (spc, shape) =>
                spc.AddSource(
                    global::KConnector.Generator.Emit.CSharpIdentifier.Unescaped(
                        shape.FullAccessorName
                    ) + ".g.cs",
                    Text(RecordAccessorEmitter.Emit(shape))
                )
        );
        context.RegisterSourceOutput(
            connectors.Select(static (set, _) => set.Diagnostics),
            static (spc, all) =>
            {
                foreach (var diagnostic in all)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            }
        );
    }

    private static void AddConnectorSources(SourceProductionContext spc, ConnectorModel model)
    {
        var hint = model.FullTypeName;
        spc.AddSource(hint + ".Config.g.cs", Text(ConnectorConfigEmitter.Emit(model)));
        spc.AddSource(hint + ".Worker.g.cs", Text(ConnectorWorkerEmitter.Emit(model)));
        spc.AddSource(hint + ".Registration.g.cs", Text(ConnectorRegistrationEmitter.Emit(model)));
        if (ConnectorProtoSchemaEmitter.Emits(model))
        {
            spc.AddSource(hint + ".Protobuf.g.cs", Text(ConnectorProtoSchemaEmitter.Emit(model)));
        }
        if (model.ValueChain is { } chain)
        {
            Transforms.CompiledChainEmitter.Emit(spc, hint, chain);
        }
        if (model.EmitsTaskPart)
        {
            spc.AddSource(hint + ".Task.g.cs", Text(ConnectorTaskEmitter.Emit(model)));
        }
    }

    private static SourceText Text(string code) => SourceText.From(code, Encoding.UTF8);
}
