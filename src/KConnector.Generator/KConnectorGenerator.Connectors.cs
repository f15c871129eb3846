using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using KConnector.Generator.Avro;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator;

public sealed partial class KConnectorGenerator
{
    /// <summary>
    /// *.connector.json specs and [SourceConnector]/[SinkConnector] classes -> config classes, workers
    /// and DI registrations. Specs and attribute classes are read on their own (cached per file), then
    /// matched with the .avsc files' types and the referenced connector packages.
    /// </summary>
    private static void InitializeConnectors(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider.Select(
            static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns)
                    ? ns.Trim()
                    : string.Empty
        );

        var specFiles = context
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

        var schemaIndex = context
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
            .Combine(rootNamespace)
            .Select(static (pair, _) => IndexEntry(pair.Left, pair.Right))
            .Collect()
            .Select(
                static (all, _) =>
                    // A .proto listed twice (a <Protobuf> item also added by hand) is one file.
                    all.Distinct()
                        .OrderBy(e => e.NormalizedPath, StringComparer.Ordinal)
                        .ToEquatableArray()
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorSchemaIndex);

        // The plugins and framework keys of the referenced assemblies. Re-run on each compilation,
        // but its output is equatable, so everything after it stays cached while the references
        // do not change.
        var catalog = context
            .CompilationProvider.Select(
                static (compilation, cancellationToken) =>
                    PluginCatalogReader.Read(compilation, cancellationToken)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.PluginCatalog);
        context.RegisterSourceOutput(catalog, Transforms.TransformRegistrationEmitter.Emit);

        var sourceClasses = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                AttributeConnectorReader.SourceAttribute,
                static (node, _) =>
                    node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => AttributeConnectorReader.Read(ctx, ConnectorKind.Source, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.SourceConnectorClasses);
        var sinkClasses = context
            .SyntaxProvider.ForAttributeWithMetadataName(
                AttributeConnectorReader.SinkAttribute,
                static (node, _) =>
                    node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => AttributeConnectorReader.Read(ctx, ConnectorKind.Sink, ct)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.SinkConnectorClasses);

        var classDrafts = sourceClasses
            .Collect()
            .Combine(sinkClasses.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray())
            .WithTrackingName(KConnectorGeneratorStepNames.ConnectorClassDrafts);

        var parsedSpecs = specFiles
            .Combine(catalog)
            .Select(static (pair, _) => ConnectorSpecParser.Parse(pair.Left, pair.Right))
            .WithTrackingName(KConnectorGeneratorStepNames.ParsedConnectorSpecs);

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
            .Select(static (pair, _) => Deduplicate(pair.Left.Concat(pair.Right)))
            .WithTrackingName(KConnectorGeneratorStepNames.Connectors);

        context.RegisterSourceOutput(
            connectors.SelectMany(static (set, _) => set.Models),
            static (spc, model) =>
            {
                var hint = model.FullTypeName;
                spc.AddSource(hint + ".Config.g.cs", Text(ConnectorConfigEmitter.Emit(model)));
                spc.AddSource(hint + ".Worker.g.cs", Text(ConnectorWorkerEmitter.Emit(model)));
                spc.AddSource(
                    hint + ".Registration.g.cs",
                    Text(ConnectorRegistrationEmitter.Emit(model))
                );
                if (ConnectorProtoSchemaEmitter.Emits(model))
                {
                    spc.AddSource(
                        hint + ".Protobuf.g.cs",
                        Text(ConnectorProtoSchemaEmitter.Emit(model))
                    );
                }
                if (model.EmitsTaskPart)
                {
                    spc.AddSource(hint + ".Task.g.cs", Text(ConnectorTaskEmitter.Emit(model)));
                }
            }
        );
        // One accessor per record type, however many specs map it.
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

    private static SourceText Text(string code) => SourceText.From(code, Encoding.UTF8);

    private static SchemaTypeEntry IndexEntry(SchemaFileInput file, string rootNamespace)
    {
        var path = ConnectorSpecParser.NormalizePath(file.Path);
        var none = new SchemaTypeEntry(path, string.Empty, null, TypeFormats.None);
        if (!file.Generate)
        {
            return none;
        }
        if (file.Path.EndsWith(".proto", StringComparison.OrdinalIgnoreCase))
        {
            return ProtoEntry(path, file);
        }
        if (file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
        {
            // The same parse as the JSON Schema pipeline's: its top-level type (pointer "") is the
            // one a spec's key.schema/value.schema names; a record or a union carries its schema
            // (IJsonSchemaRecord), what the JsonSchemaConverter registers.
            var json = JsonSchema.JsonSchemaParser.Parse(
                new JsonSchema.JsonSchemaFileInput(file, rootNamespace)
            );
            var root = json.Diagnostics.Any(d =>
                d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error
            )
                ? null
                : json.Declarations.FirstOrDefault(d =>
                    d.Pointer.Length == 0 && d.SchemaText is not null
                );
            return root is null
                ? none
                : new SchemaTypeEntry(path, root.Name, root.FullName, TypeFormats.JsonSchemaRecord);
        }
        var parsed = AvroSchemaParser.Parse(file);
        // The file's top-level record (path "$") is the type a spec's key.schema/value.schema names.
        var record =
            parsed.Diagnostics.Count == 0
                ? parsed.Types.FirstOrDefault(t => t.Kind == AvroKind.Record && t.Path == "$")
                : null;
        return record is null
            ? none
            : new SchemaTypeEntry(
                path,
                record.Name,
                record.CSharpFullName,
                TypeFormats.AvroRecord,
                RecordShapeReader.Read(record)
            );
    }

    /// <summary>
    /// A .proto file compiled by protoc (Grpc.Tools): its first top-level message is the type a
    /// spec's key.schema/value.schema names; every top-level message is one an attribute may name.
    /// </summary>
    private static SchemaTypeEntry ProtoEntry(string path, SchemaFileInput file)
    {
        var proto = ProtoFileReader.Read(file.Text);
        DiagnosticInfo? problem = null;
        if (proto.Problem is not null)
        {
            var lines = new Json.TextLines(file.Text);
            var start = 0;
            for (var line = 1; line < proto.ProblemLine && start >= 0; line++)
            {
                start = file.Text.IndexOf('\n', start) + 1;
            }
            problem = DiagnosticBag.Create(
                DiagnosticDescriptors.ProtoFileUnreadable,
                new SpecLocation(
                    new LocationInfo(file.Path, new TextSpan(start, 0), lines.Span(start, start)),
                    "line "
                        + proto.ProblemLine.ToString(
                            System.Globalization.CultureInfo.InvariantCulture
                        )
                ),
                proto.Problem
            );
        }
        var first = proto.Messages.Count == 0 ? null : proto.Messages[0];
        return new SchemaTypeEntry(
            path,
            first ?? string.Empty,
            problem is null && first is not null ? proto.FullNameOf(first) : null,
            TypeFormats.ProtobufMessage,
            ProtoText: file.Text,
            ProtoMessages: proto.Messages.Select(proto.FullNameOf).ToEquatableArray(),
            ProtoProblem: problem
        );
    }

    private static ConnectorSet Deduplicate(IEnumerable<ConnectorResult> results)
    {
        var models = new List<ConnectorModel>();
        var diagnostics = new List<DiagnosticInfo>();
        var accessors = new List<RecordShapeModel>();
        var byType = new Dictionary<string, ConnectorModel>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Model is not { } model)
            {
                continue;
            }
            if (byType.TryGetValue(model.FullTypeName, out var first))
            {
                var where = new SpecLocation(
                    model.Location ?? new LocationInfo(string.Empty, default, default),
                    "$.name"
                );
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.DuplicateConnector,
                        where,
                        model.ConnectorName,
                        model.FullTypeName + "Config/Worker",
                        first.SourceDescription
                    )
                );
                continue;
            }
            byType.Add(model.FullTypeName, model);
            models.Add(model);
            accessors.AddRange(model.Accessors.Where(a => !accessors.Contains(a)));
        }
        return new ConnectorSet(
            models.ToEquatableArray(),
            // Two specs mapping the same record report its unmappable fields once.
            diagnostics.Distinct().ToEquatableArray(),
            accessors.ToEquatableArray()
        );
    }

    private sealed record ConnectorSet(
        EquatableArray<ConnectorModel> Models,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<RecordShapeModel> Accessors
    );
}
