using System;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Connectors;

/// <summary>
/// One schema file of the project as connectors see it (<see cref="SchemaTypeEntry"/>): the type a
/// spec's key.schema/value.schema names, parsed by the same parser as the file's own pipeline.
/// </summary>
internal static class ConnectorSchemaIndex
{
    public static SchemaTypeEntry Read(SchemaFileInput file, string rootNamespace)
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
                : new SchemaTypeEntry(path, root.Name, root.FullName, TypeFormats.JsonSchemaRecord)
                {
                    Schema = Transforms.JsonSchemaTransformSchema.Read(root),
                };
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
                RecordShapeReader.Read(record),
                Schema: Transforms.AvroTransformSchema.Read(record, parsed.Types)
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
            var start = 0;
            for (var line = 1; line < proto.ProblemLine && start >= 0; line++)
            {
                start = file.Text.IndexOf('\n', start) + 1;
            }
            var bag = new DiagnosticBag(file.Path, file.Text);
            bag.Report(
                DiagnosticDescriptors.ProtoFileUnreadable,
                start,
                start,
                "line "
                    + proto.ProblemLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
                proto.Problem
            );
            problem = bag.Items.First();
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
}
