using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Avro;

/// <summary>
/// Turns the text of an .avsc file into record models and diagnostics (Avro specification 1.12,
/// "Schema Declaration"). Pure: it knows nothing of Roslyn beyond spans, so it is tested directly.
/// This first version covers records of primitive fields and ["null", T] unions; every other
/// valid construct is reported as not supported yet rather than generated wrongly.
/// </summary>
internal sealed class AvroSchemaParser
{
    private static readonly Dictionary<string, AvroPrimitive> Primitives = new(
        StringComparer.Ordinal
    )
    {
        ["boolean"] = AvroPrimitive.Boolean,
        ["int"] = AvroPrimitive.Int,
        ["long"] = AvroPrimitive.Long,
        ["float"] = AvroPrimitive.Float,
        ["double"] = AvroPrimitive.Double,
        ["bytes"] = AvroPrimitive.Bytes,
        ["string"] = AvroPrimitive.String,
    };

    private static readonly HashSet<string> ComplexTypes = new(StringComparer.Ordinal)
    {
        "record",
        "error",
        "enum",
        "array",
        "map",
        "fixed",
    };

    private readonly SchemaFileInput _file;
    private readonly TextLines _lines;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private AvroSchemaParser(SchemaFileInput file)
    {
        _file = file;
        _lines = new TextLines(file.Text);
    }

    public static SchemaFileResult Parse(SchemaFileInput file)
    {
        var parser = new AvroSchemaParser(file);
        var records = new List<AvroRecordModel>();
        try
        {
            parser.ParseFile(records);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The generator must never throw (a crash becomes an opaque AD0001 warning): report it.
            parser.Report(
                DiagnosticDescriptors.GeneratorFailure,
                0,
                0,
                "$",
                e.GetType().Name + ": " + e.Message
            );
            records.Clear();
        }
        return new SchemaFileResult(
            records.ToEquatableArray(),
            parser._diagnostics.ToEquatableArray()
        );
    }

    private void ParseFile(List<AvroRecordModel> records)
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(_file.Text);
        }
        catch (JsonSyntaxException e)
        {
            Report(DiagnosticDescriptors.InvalidJson, e.Offset, e.Offset, "$", e.Message);
            return;
        }
        var access = _file.Access.Length == 0 ? "public" : _file.Access;
        if (access != "public" && access != "internal")
        {
            Report(
                DiagnosticDescriptors.InvalidFileMetadata,
                0,
                0,
                "$",
                "KConnectorAccess",
                _file.Access,
                "public or internal"
            );
            return;
        }
        if (
            root.Kind != JsonKind.Object
            || root["type"] is not { Kind: JsonKind.String, Text: "record" or "error" }
        )
        {
            Report(DiagnosticDescriptors.TopLevelNotRecord, root, "$", Describe(root));
            return;
        }
        var record = ParseRecord(root, "$", access);
        if (record is not null)
        {
            records.Add(record);
        }
    }

    private AvroRecordModel? ParseRecord(JsonNode node, string path, string access)
    {
        var name = RequiredString(node, "name", "record", path);
        if (name is null)
        {
            return null;
        }
        var avroNamespace = OptionalString(node, "namespace", path) ?? string.Empty;
        var simpleName = name;
        // A dotted name carries its own namespace and wins over "namespace" (spec: "Names").
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            avroNamespace = name.Substring(0, dot);
            simpleName = name.Substring(dot + 1);
        }
        var ok = CheckName(simpleName, node["name"]!, path + ".name");
        foreach (
            var part in avroNamespace.Length == 0 ? Array.Empty<string>() : avroNamespace.Split('.')
        )
        {
            ok &= CheckName(
                part,
                node.Property("namespace")?.Value ?? node["name"]!,
                path + ".namespace"
            );
        }
        var doc = OptionalString(node, "doc", path);
        var fieldsNode = node["fields"];
        if (fieldsNode is null)
        {
            Report(DiagnosticDescriptors.MissingAttribute, node, path, "record", "fields");
            return null;
        }
        if (fieldsNode.Kind != JsonKind.Array)
        {
            Report(
                DiagnosticDescriptors.WrongAttributeType,
                fieldsNode,
                path + ".fields",
                "fields",
                "an array of field objects"
            );
            return null;
        }
        var fields = new List<AvroFieldModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fieldsNode.Items.Count; i++)
        {
            var fieldPath = path + ".fields[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var field = ParseField(fieldsNode.Items[i], fieldPath, simpleName);
            if (field is null)
            {
                ok = false;
                continue;
            }
            if (!seen.Add(field.AvroName))
            {
                Report(
                    DiagnosticDescriptors.DuplicateField,
                    fieldsNode.Items[i],
                    fieldPath + ".name",
                    field.AvroName,
                    simpleName
                );
                ok = false;
                continue;
            }
            fields.Add(field);
        }
        if (!ok)
        {
            return null;
        }
        var csharpNamespace =
            _file.NamespaceOverride.Length > 0 ? _file.NamespaceOverride : avroNamespace;
        var fullName = avroNamespace.Length == 0 ? simpleName : avroNamespace + "." + simpleName;
        return new AvroRecordModel(
            csharpNamespace,
            simpleName,
            fullName,
            doc,
            access,
            fields.ToEquatableArray(),
            JsonCompactWriter.Write(node),
            _file.Path
        );
    }

    private AvroFieldModel? ParseField(JsonNode node, string path, string recordName)
    {
        if (node.Kind != JsonKind.Object)
        {
            Report(
                DiagnosticDescriptors.WrongAttributeType,
                node,
                path,
                "fields[]",
                "a field object with \"name\" and \"type\""
            );
            return null;
        }
        var name = RequiredString(node, "name", "field", path);
        var typeNode = node["type"];
        if (typeNode is null)
        {
            Report(DiagnosticDescriptors.MissingAttribute, node, path, "field", "type");
            return null;
        }
        if (name is null || !CheckName(name, node["name"]!, path + ".name"))
        {
            return null;
        }
        var doc = OptionalString(node, "doc", path);
        var typePath = path + ".type";
        if (typeNode.Kind == JsonKind.Array)
        {
            return ParseNullableUnion(typeNode, typePath, name, recordName, doc);
        }
        var primitive = ParsePrimitive(typeNode, typePath);
        return primitive is { } p
            ? new AvroFieldModel(name, PropertyName(name, recordName), p, -1, doc)
            : null;
    }

    private AvroFieldModel? ParseNullableUnion(
        JsonNode union,
        string path,
        string name,
        string recordName,
        string? doc
    )
    {
        var nullIndex = -1;
        AvroPrimitive? valueType = null;
        if (union.Items.Count == 2)
        {
            for (var i = 0; i < 2; i++)
            {
                if (union.Items[i] is { Kind: JsonKind.String, Text: "null" })
                {
                    nullIndex = i;
                }
            }
            if (nullIndex >= 0)
            {
                var other = 1 - nullIndex;
                valueType = ParsePrimitive(
                    union.Items[other],
                    path + "[" + other.ToString(CultureInfo.InvariantCulture) + "]"
                );
                if (valueType is null)
                {
                    return null;
                }
            }
        }
        if (valueType is not { } type)
        {
            Report(
                DiagnosticDescriptors.UnsupportedType,
                union,
                path,
                "a union other than [\"null\", T]"
            );
            return null;
        }
        return new AvroFieldModel(name, PropertyName(name, recordName), type, nullIndex, doc);
    }

    private AvroPrimitive? ParsePrimitive(JsonNode node, string path)
    {
        var typeName = node.Kind switch
        {
            JsonKind.String => node.Text,
            // {"type": "long", "logicalType": ...}: this version generates the underlying type,
            // which is what the specification requires for logical types a reader does not know.
            JsonKind.Object when node["type"] is { Kind: JsonKind.String } inner => inner.Text,
            _ => null,
        };
        if (typeName is null)
        {
            Report(DiagnosticDescriptors.UnsupportedType, node, path, Describe(node));
            return null;
        }
        if (Primitives.TryGetValue(typeName, out var primitive))
        {
            return primitive;
        }
        if (ComplexTypes.Contains(typeName) || typeName == "null")
        {
            Report(
                DiagnosticDescriptors.UnsupportedType,
                node,
                path,
                "a field of type \"" + typeName + "\""
            );
            return null;
        }
        Report(DiagnosticDescriptors.UnknownType, node, path, typeName);
        return null;
    }

    private string? RequiredString(JsonNode node, string attribute, string what, string path)
    {
        var value = node[attribute];
        if (value is null)
        {
            Report(DiagnosticDescriptors.MissingAttribute, node, path, what, attribute);
            return null;
        }
        if (value.Kind != JsonKind.String)
        {
            Report(
                DiagnosticDescriptors.WrongAttributeType,
                value,
                path + "." + attribute,
                attribute,
                "a string"
            );
            return null;
        }
        return value.Text;
    }

    private string? OptionalString(JsonNode node, string attribute, string path)
    {
        var value = node[attribute];
        if (value is null)
        {
            return null;
        }
        if (value.Kind != JsonKind.String)
        {
            Report(
                DiagnosticDescriptors.WrongAttributeType,
                value,
                path + "." + attribute,
                attribute,
                "a string"
            );
            return null;
        }
        return value.Text;
    }

    private bool CheckName(string name, JsonNode node, string path)
    {
        var valid = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name[0] < 128;
        foreach (var c in name)
        {
            valid &= c < 128 && (char.IsLetterOrDigit(c) || c == '_');
        }
        if (!valid)
        {
            Report(DiagnosticDescriptors.InvalidName, node, path, name);
        }
        return valid;
    }

    /// <summary>order_id and orderId both become OrderId; a clash with the type name gets a suffix.</summary>
    internal static string PropertyName(string avroName, string recordName)
    {
        var parts = avroName.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries);
        var result = string.Empty;
        foreach (var part in parts)
        {
            result += char.ToUpperInvariant(part[0]) + part.Substring(1);
        }
        if (result.Length == 0 || char.IsDigit(result[0]))
        {
            result = "_" + result;
        }
        return result == recordName ? result + "Value" : result;
    }

    private static string Describe(JsonNode node) =>
        node.Kind switch
        {
            JsonKind.Object => node["type"] is { Kind: JsonKind.String } t
                ? "a schema of type \"" + t.Text + "\""
                : "an object without a \"type\"",
            JsonKind.Array => "a union",
            JsonKind.String => "the type \"" + node.Text + "\"",
            _ => "a JSON " + node.Kind.ToString().ToLowerInvariant(),
        };

    private void Report(
        DiagnosticDescriptor descriptor,
        JsonNode node,
        string path,
        params string[] details
    ) => Report(descriptor, node.Start, node.End, path, details);

    private void Report(
        DiagnosticDescriptor descriptor,
        int start,
        int end,
        string path,
        params string[] details
    )
    {
        var lines = _lines.Span(start, end);
        var location = new LocationInfo(
            _file.Path,
            TextSpan.FromBounds(start, Math.Max(start, end)),
            lines
        );
        var arguments = new List<string>
        {
            System.IO.Path.GetFileName(_file.Path),
            (lines.Start.Line + 1).ToString(CultureInfo.InvariantCulture),
            path,
        };
        arguments.AddRange(details);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments.ToArray()));
    }
}
