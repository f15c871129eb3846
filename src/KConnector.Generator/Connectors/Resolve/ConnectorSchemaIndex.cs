using System;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.JsonSchema;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Connectors;

/// <summary>
/// One schema file of the project as connectors see it (<see cref="SchemaTypeEntry"/>): the type a
/// spec's key.schema/value.schema names. An .avsc or .schema.json file that generates code is taken
/// from its own pipeline's parse (<see cref="FromAvro"/>, <see cref="FromJsonSchema"/>), never parsed
/// again; a .proto file is read here (protoc compiles it), and a file left out yields no type.
/// </summary>
internal static class ConnectorSchemaIndex
{
    /// <summary>Whether <see cref="Read"/> takes the file: a .proto file, or a schema file left out.</summary>
    public static bool ReadsItself(SchemaFileInput file) =>
        !file.Generate || file.Path.EndsWith(".proto", StringComparison.OrdinalIgnoreCase);

    public static SchemaTypeEntry Read(SchemaFileInput file)
    {
        var path = ConnectorSpecParser.NormalizePath(file.Path);
        return file.Generate
            ? ProtoEntry(path, file)
            : new SchemaTypeEntry(path, string.Empty, null, TypeFormats.None);
    }

    /// <summary>
    /// A parsed .avsc file: its top-level record (path "$") is the type a spec's key.schema or
    /// value.schema names; a file with errors yields none.
    /// </summary>
    public static SchemaTypeEntry FromAvro(SchemaFileResult parsed)
    {
        var path = ConnectorSpecParser.NormalizePath(parsed.Path);
        var record =
            parsed.Diagnostics.Count == 0
                ? parsed.Types.FirstOrDefault(t => t.Kind == AvroKind.Record && t.Path == "$")
                : null;
        return record is null
            ? new SchemaTypeEntry(path, string.Empty, null, TypeFormats.None)
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
    /// A parsed .schema.json file: its top-level type (pointer "") is the one a spec names; a record
    /// or a union carries its schema (IJsonSchemaRecord), what the JsonSchemaConverter registers.
    /// </summary>
    public static SchemaTypeEntry FromJsonSchema(JsonSchemaFileModel parsed)
    {
        var path = ConnectorSpecParser.NormalizePath(parsed.Path);
        var root = parsed.Diagnostics.Any(d =>
            d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error
        )
            ? null
            : parsed.Declarations.FirstOrDefault(d =>
                d.Pointer.Length == 0 && d.SchemaText is not null
            );
        return root is null
            ? new SchemaTypeEntry(path, string.Empty, null, TypeFormats.None)
            : new SchemaTypeEntry(path, root.Name, root.FullName, TypeFormats.JsonSchemaRecord)
            {
                Schema = Transforms.JsonSchemaTransformSchema.Read(root),
            };
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
