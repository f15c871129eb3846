using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Completes a <see cref="ParsedSpec"/> with what other inputs know: the types generated from the
/// schema files it names, and whether the built-in connector's package is referenced.
/// </summary>
internal static class ConnectorSpecResolver
{
    public static ConnectorResult Resolve(
        ParsedSpec spec,
        EquatableArray<SchemaTypeEntry> schemas,
        EquatableArray<string> availableTypes,
        EquatableArray<AttributeDraft> classes
    )
    {
        if (spec.Connector is null && spec.UserClass is not null)
        {
            return UserClassSpecResolver.Resolve(spec, schemas, classes);
        }
        var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
        var connector = spec.Connector;
        var keyEntry = EntryOf(spec.KeySchema, schemas, diagnostics);
        var valueEntry = EntryOf(spec.ValueSchema, schemas, diagnostics);
        var keyType = keyEntry is null ? null : "global::" + keyEntry.CSharpFullName;
        var valueType = valueEntry is null ? null : "global::" + valueEntry.CSharpFullName;
        CheckConverter(spec.KeyConverter, keyType, spec.KeySchema, "key", diagnostics);
        CheckConverter(spec.ValueConverter, valueType, spec.ValueSchema, "value", diagnostics);
        if (connector is not null && !availableTypes.Contains(connector.TaskMetadataName))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConnectorPackageMissing,
                    spec.ClassLocation,
                    connector.ClassName,
                    connector.Package
                )
            );
        }
        var accessors = new List<RecordShapeModel>();
        if (connector is { MapsRecords: true })
        {
            if (!connector.KeyMayBeRecord && keyEntry is not null)
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
            foreach (var entry in new[] { keyEntry, valueEntry })
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
        }
        if (
            connector is null
            || spec.Diagnostics.Count > 0
            || diagnostics.Count > spec.Diagnostics.Count
            || spec.KeyConverter is null
            || spec.ValueConverter is null
        )
        {
            return new ConnectorResult(null, diagnostics.ToEquatableArray());
        }
        var key = keyType ?? "string";
        var value = valueType ?? "string";
        var model = new ConnectorModel(
            spec.Namespace,
            CommonConfigKeys.PropertyNameOf(spec.ConnectorName),
            spec.Access,
            connector.Kind,
            spec.ConnectorName,
            connector.ClassName,
            key,
            value,
            spec.KeyConverter.Kind,
            spec.ValueConverter.Kind,
            ConnectorKeys.For(
                connector.Kind,
                connector.ClassName,
                null,
                null,
                spec.KeyConverter.Kind,
                spec.ValueConverter.Kind,
                connector.Keys
            ),
            spec.Values,
            string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                connector.TaskType,
                key,
                value
            ),
            string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                connector.TaskCreation,
                key,
                value,
                AccessorOf(keyEntry, key),
                AccessorOf(valueEntry, value)
            ),
            UserClass: false,
            HasStart: false,
            HasStop: false,
            HasFlush: true,
            connector.TaskIsDisposable,
            EmitsTaskPart: false,
            System.IO.Path.GetFileName(spec.Path),
            spec.NameLocation.Location,
            accessors.ToEquatableArray()
        );
        return new ConnectorResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>The generated accessor of a record, or a primitive accessor of a string key or value.</summary>
    private static string AccessorOf(SchemaTypeEntry? entry, string type) =>
        entry?.Shape is { } shape
            ? "new " + shape.AccessorType + "()"
            // The column name of a primitive key is pk.fields or __connect_key (the sink decides).
            : "new global::KConnector.Connectors.Shapes.PrimitiveRecordAccessor<"
                + type
                + ">(\"__connect_key\")";

    private static SchemaTypeEntry? EntryOf(
        SchemaReference? reference,
        EquatableArray<SchemaTypeEntry> schemas,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (reference is null)
        {
            return null;
        }
        var wanted = ConnectorSpecParser.NormalizePath(reference.ResolvedPath);
        if (!reference.Written.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    reference.Written.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
                        ? DiagnosticDescriptors.NotSupportedYet
                        : DiagnosticDescriptors.SchemaTypeUnavailable,
                    reference.Where,
                    reference.Written.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
                        ? "a JSON Schema (.schema.json) as a connector's key or value schema"
                        : reference.Written,
                    "is not an Avro schema (.avsc)"
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
        if (entry.CSharpFullName is null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.SchemaTypeUnavailable,
                    reference.Where,
                    reference.Written,
                    "yields no generated record type (see its own errors, or its KConnectorGenerate metadata)"
                )
            );
            return null;
        }
        return entry;
    }

    private static void CheckConverter(
        ConverterChoice? converter,
        string? type,
        SchemaReference? schema,
        string side,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (converter?.Where is null)
        {
            return;
        }
        if (converter.Kind == ConverterKind.String && schema is not null && type is not null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConverterCannotCarryType,
                    converter.Where,
                    "the StringConverter",
                    "the record "
                        + type.Replace("global::", string.Empty)
                        + " of "
                        + side
                        + ".schema",
                    "it reads and writes strings only; use io.confluent.connect.avro.AvroConverter"
                )
            );
        }
        if (converter.Kind == ConverterKind.Avro && schema is null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConverterCannotCarryType,
                    converter.Where,
                    "the AvroConverter",
                    "a string " + side,
                    "it needs a record type; name the .avsc file in "
                        + side
                        + ".schema or use the StringConverter"
                )
            );
        }
    }
}
