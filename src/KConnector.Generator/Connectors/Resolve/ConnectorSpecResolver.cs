using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Completes a <see cref="ParsedSpec"/> with what other inputs know: the types generated from the
/// schema files it names, and the connector plugin's descriptor.
/// </summary>
internal static class ConnectorSpecResolver
{
    public static ConnectorResult Resolve(
        ParsedSpec spec,
        EquatableArray<SchemaTypeEntry> schemas,
        PluginCatalog catalog,
        EquatableArray<AttributeDraft> classes
    )
    {
        if (spec.Connector is null && spec.UserClass is not null)
        {
            return UserClassSpecResolver.Resolve(spec, schemas, catalog, classes);
        }
        var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
        var connector = spec.Connector;
        var keyFromValue = Transforms.KeyChainPlan.ComputedByChain(
            spec,
            connector?.Kind == ConnectorKind.Source
        );
        // Schemaless JSON (no value.schema, the JsonConverter): the chain runs at run time.
        var schemaless =
            spec.ValueSchema is null && SchemalessSide.Value(connector, spec.ValueConverter);
        var key = SideOf(
            spec.KeySchema,
            spec.KeyConverter,
            "key",
            schemas,
            catalog,
            diagnostics,
            checkConverter: !keyFromValue,
            schemaless: schemaless && SchemalessSide.ConverterGives(spec.KeyConverter)
        );
        // A source's value converter may write a primitive the chain makes: checked once it is planned.
        var valueByChain =
            connector?.Kind == ConnectorKind.Source
            && Transforms.CompiledChainPlanner.HasValueStages(spec);
        var value = SideOf(
            spec.ValueSchema,
            spec.ValueConverter,
            "value",
            schemas,
            catalog,
            diagnostics,
            Cdc.CdcDeclaredTables.ValueTypeOf(spec) ?? connector?.ValueType,
            checkConverter: !valueByChain,
            schemaless
        );
        Transforms.TransformChainFold.Fold(
            spec.Transforms,
            Transforms.TransformInputSchema.Of(key?.Entry, key?.Type),
            Transforms.TransformInputSchema.Of(value?.Entry, value?.Type),
            connector?.Kind == ConnectorKind.Source,
            diagnostics
        );
        var chain = schemaless
            ? Transforms.SchemalessChainCheck.RunTimeChain(
                spec,
                key?.Formats == TypeFormats.SchemalessJson,
                diagnostics
            )
            : Transforms.CompiledChainPlanner.Plan(
                spec,
                value?.Entry,
                value?.Type ?? string.Empty,
                connector?.Kind == ConnectorKind.Source,
                diagnostics,
                key?.Entry,
                key?.Type ?? string.Empty,
                connector
            );
        if (key is not null)
        {
            // A key computed from the value: key.converter writes the key chain's output.
            chain = Transforms.KeyChainPlan.WithKeyConverter(
                chain,
                spec,
                key.Converter,
                key.Formats,
                catalog,
                diagnostics
            );
            key = chain?.KeyChain switch
            {
                // A sink's task takes the key chain's output (its key converter reads the topic's key).
                { IsSink: true } sinkKey => key with
                {
                    Type = sinkKey.OutputType,
                    Entry = Transforms.KeyChainPlan.SinkKeyEntry(sinkKey, key.Entry),
                },
                { } keyChain => key with { Formats = key.Formats | keyChain.OutputFormats },
                _ => key,
            };
        }
        if (valueByChain && value is not null)
        {
            (chain, value) = WithValueConverter(spec, chain, value, catalog, diagnostics);
        }
        if (chain is { OutputShape: { } output } && value is not null)
        {
            // A sink's task takes the chain's output record (its value converter reads the topic's type).
            value = value with
            {
                Type = chain.OutputType,
                Entry = value.Entry! with { Shape = output },
            };
        }
        var primitiveSink = chain is { IsSink: true, MakesPrimitiveValue: true };
        if (primitiveSink && value is not null)
        {
            // The sink's task takes the primitive the chain makes (the connector's CreatePrimitiveTask).
            value = value with
            {
                Type = chain!.OutputType,
                Entry = null,
            };
        }
        var accessors = new List<RecordShapeModel>();
        if (connector is not null)
        {
            CheckDescriptor(spec, connector, key, value, diagnostics);
            accessors = Accessors(spec, connector, key, value, diagnostics);
        }
        if (key is not null && value is not null)
        {
            ConverterSettingChecker.Check(
                spec.ConverterSettings,
                key.Converter,
                value.Converter,
                diagnostics,
                ConverterCatalog.Converters(catalog)
            );
        }
        if (
            connector is null
            || spec.Diagnostics.Count > 0
            || diagnostics.Count > spec.Diagnostics.Count
            || key is null
            || value is null
        )
        {
            return new ConnectorResult(null, diagnostics.ToEquatableArray());
        }
        return new ConnectorResult(
            Model(spec, catalog, connector, key, value, accessors, primitiveSink) with
            {
                ValueChain = chain,
            },
            diagnostics.ToEquatableArray()
        );
    }

    /// <summary>
    /// A source's value side with its converter checked against what it writes: the primitive the
    /// chain makes the value (KCN0205 at <c>value.converter</c>), else the task's type as before.
    /// </summary>
    private static (Transforms.CompiledChain? Chain, Side? Value) WithValueConverter(
        ParsedSpec spec,
        Transforms.CompiledChain? chain,
        Side value,
        PluginCatalog catalog,
        List<DiagnosticInfo> diagnostics
    )
    {
        var primitive = chain is { MakesPrimitiveValue: true } made ? made : null;
        var (formats, type) = primitive is null
            ? (value.Formats, value.Type)
            : (primitive.OutputFormats, primitive.OutputType);
        if (
            spec.ValueConverter?.Where is { } where
            && ConverterCompatibility.Check(
                catalog,
                value.Converter,
                formats,
                type,
                "value",
                string.Empty,
                "value.schema",
                where
            )
                is { } problem
        )
        {
            diagnostics.Add(problem);
            return (chain, null);
        }
        return primitive is null
            ? (chain, value)
            : (
                primitive with
                {
                    TaskTypeWritable = value.Converter.CanCarry(value.Formats),
                },
                value with
                {
                    Formats = value.Formats | formats,
                }
            );
    }

    /// <summary>KCN when the descriptor cannot create a task, or when a side it maps or writes as a record is a Protobuf message.</summary>
    private static void CheckDescriptor(
        ParsedSpec spec,
        PluginModel connector,
        Side? key,
        Side? value,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (connector.Creation is null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.DescriptorCannotCreateTask,
                    spec.ClassLocation,
                    connector.ClassName,
                    connector.DescriptorType.Replace("global::", string.Empty)
                )
            );
        }
        foreach (
            var (schema, side, name, mustBeRecord) in new[]
            {
                (spec.KeySchema, key, "key", connector.MapsRecords && connector.KeyMayBeRecord),
                (
                    spec.ValueSchema,
                    value,
                    "value",
                    connector.ValueMustBeRecord || connector.MapsRecords
                ),
            }
        )
        {
            if (mustBeRecord && side?.Formats == TypeFormats.ProtobufMessage)
            {
                // The built-in tasks write values as JSON (IJsonRecord) or map fields through
                // accessors of .avsc records and .schema.json types; none reads a message yet.
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.NotSupportedYet,
                        schema!.Where,
                        "a Protobuf message as the "
                            + name
                            + " of "
                            + connector.ClassName
                            + " (it needs a record generated from an .avsc or .schema.json file)"
                    )
                );
            }
        }
    }

    /// <summary>The record shapes a connector that maps records reads (each once), with KCN for a record key it cannot take and each unmappable field.</summary>
    private static List<RecordShapeModel> Accessors(
        ParsedSpec spec,
        PluginModel connector,
        Side? key,
        Side? value,
        List<DiagnosticInfo> diagnostics
    )
    {
        var accessors = new List<RecordShapeModel>();
        if (!connector.MapsRecords)
        {
            return accessors;
        }
        if (!connector.KeyMayBeRecord && key?.Entry is not null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConnectorKeyMustBeString,
                    spec.KeySchema!.Where,
                    connector.ClassName,
                    spec.KeySchema.Written
                )
            );
        }
        foreach (var entry in new[] { key?.Entry, value?.Entry })
        {
            if (entry?.Shape is not { } shape || accessors.Contains(shape))
            {
                continue;
            }
            foreach (var field in shape.Unmappable)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.RecordFieldUnmappable,
                        new SpecLocation(field.Location, field.JsonPath),
                        field.Name,
                        shape.AvroFullName,
                        connector.ClassName,
                        field.Reason
                    )
                );
            }
            accessors.Add(shape);
        }
        return accessors;
    }

    private static ConnectorModel Model(
        ParsedSpec spec,
        PluginCatalog catalog,
        PluginModel connector,
        Side key,
        Side value,
        List<RecordShapeModel> accessors,
        bool primitiveValue
    ) =>
        new(
            spec.Namespace,
            ConfigKeyNames.PropertyNameOf(spec.ConnectorName),
            spec.Access,
            connector.Kind,
            spec.ConnectorName,
            connector.ClassName,
            key.Type,
            value.Type,
            key.Converter,
            value.Converter,
            key.Formats,
            value.Formats,
            ConnectorKeys.For(
                catalog,
                connector.Kind,
                connector.ClassName,
                null,
                null,
                key.Formats,
                value.Formats,
                key.Converter,
                value.Converter,
                connector.Keys
            ),
            spec.Values,
            connector.DescriptorType,
            TaskCreation.Expression(
                connector,
                key.Type,
                value.Type,
                AccessorOf(key.Entry, key.Type),
                AccessorOf(value.Entry, value.Type),
                primitiveValue
            ),
            UserClass: false,
            HasStart: false,
            HasStop: false,
            HasFlush: true,
            connector.TaskIsDisposable,
            EmitsTaskPart: false,
            System.IO.Path.GetFileName(spec.Path),
            spec.NameLocation.Location,
            accessors.ToEquatableArray(),
            key.Entry?.ProtoText,
            value.Entry?.ProtoText,
            connector.SingleTask,
            ConnectorKeys.FrameworkCount(catalog, connector.Kind),
            connector.DescriptorType
        );

    /// <summary>
    /// How a connector that maps records (columns, document fields) reads this side: the accessor
    /// generated from an .avsc record, the runtime's accessor of a JSON Schema type, or a primitive
    /// accessor of a string key (its column is pk.fields or __connect_key: the sink decides).
    /// </summary>
    private static string AccessorOf(SchemaTypeEntry? entry, string type) =>
        entry?.Shape is { } shape ? "new " + shape.AccessorType + "()"
        : entry is not null && (entry.Format & TypeFormats.JsonSchemaRecord) != 0
            ? "new global::KConnector.Connectors.Shapes.JsonSchemaRecordAccessor<" + type + ">()"
        : "new global::KConnector.Connectors.Shapes.PrimitiveRecordAccessor<"
            + type
            + ">(\"__connect_key\")";

    /// <summary>
    /// A key or value side: the type the schema file names (or string, or byte[] under the
    /// ByteArrayConverter, or schemaless JSON under the JsonConverter where
    /// <paramref name="schemaless"/>, with none), its converter (named or the type's default), checked against
    /// each other. Null after a diagnostic.
    /// </summary>
    private static Side? SideOf(
        SchemaReference? schema,
        ConverterChoice? converter,
        string side,
        EquatableArray<SchemaTypeEntry> schemas,
        PluginCatalog catalog,
        List<DiagnosticInfo> diagnostics,
        string? declaredType = null,
        bool checkConverter = true,
        bool schemaless = false
    )
    {
        var entry = schema is null ? null : TypeOf(schema, schemas, diagnostics);
        if (schema is null && schemaless)
        {
            return new Side(
                SchemalessSide.Type,
                TypeFormats.SchemalessJson,
                converter!.Converter!,
                null
            );
        }
        if (
            entry is null
            && declaredType is not null
            && converter is { Where: not null, Converter: { } own }
            && own.CanCarry(TypeFormats.OwnFormats)
        )
        {
            // The plugin's own value type writes the schema it learns at run time (a CDC table's).
            return new Side(declaredType, TypeFormats.OwnFormats, own, null);
        }
        if (converter is null || (schema is not null && entry is null))
        {
            return null;
        }
        var (type, formats) =
            entry is not null ? ("global::" + entry.CSharpFullName, entry.Format)
            : converter is { Where: not null, Converter.Carries: TypeFormats.Bytes }
                ? ("byte[]", TypeFormats.Bytes)
            : ("string", TypeFormats.String);
        var kind = converter.For(catalog, formats);
        if (
            converter.Where is { } where
            && checkConverter
            && ConverterCompatibility.Check(
                catalog,
                kind,
                formats,
                type,
                side,
                string.Empty,
                side + ".schema",
                where
            )
                is { } problem
        )
        {
            diagnostics.Add(problem);
            return null;
        }
        return new Side(type, formats, kind, entry);
    }

    private static SchemaTypeEntry? TypeOf(
        SchemaReference reference,
        EquatableArray<SchemaTypeEntry> schemas,
        List<DiagnosticInfo> diagnostics
    )
    {
        var wanted = ConnectorSpecParser.NormalizePath(reference.ResolvedPath);
        if (
            !reference.Written.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase)
            && !reference.Written.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
            && !reference.Written.EndsWith(".proto", StringComparison.OrdinalIgnoreCase)
        )
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.SchemaTypeUnavailable,
                    reference.Where,
                    reference.Written,
                    "is neither an Avro schema (.avsc), a JSON Schema (.schema.json) nor a Protobuf schema (.proto)"
                )
            );
            return null;
        }
        var entry = schemas.FirstOrDefault(s =>
            string.Equals(s.NormalizedPath, wanted, StringComparison.Ordinal)
        );
        if (entry is null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.SchemaFileNotFound,
                    reference.Where,
                    reference.Written,
                    wanted
                )
            );
            return null;
        }
        if (entry.ProtoProblem is { } unreadable)
        {
            diagnostics.Add(unreadable);
            return null;
        }
        if (entry.CSharpFullName is null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.SchemaTypeUnavailable,
                    reference.Where,
                    reference.Written,
                    entry.Format == TypeFormats.ProtobufMessage
                        ? "declares no top-level message (its first top-level message is the type)"
                        : "yields no generated record type (see its own errors, or its KConnectorGenerate metadata)"
                )
            );
            return null;
        }
        return entry;
    }

    private sealed record Side(
        string Type,
        TypeFormats Formats,
        ConverterPluginModel Converter,
        SchemaTypeEntry? Entry
    );
}
