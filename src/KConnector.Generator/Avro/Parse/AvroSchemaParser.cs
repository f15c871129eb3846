using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;

namespace KConnector.Generator.Avro;

/// <summary>
/// Turns the text of an .avsc file into named-type models and diagnostics (Avro specification
/// 1.12, "Schema Declaration"). Pure: it knows nothing of Roslyn beyond spans, so it is tested
/// directly. References to named types stay unresolved here: the name table of all files
/// (<see cref="AvroNameTable"/>) resolves them, so a file may use types defined in another.
/// </summary>
internal sealed partial class AvroSchemaParser
{
    private static readonly Dictionary<string, AvroKind> Primitives = new(StringComparer.Ordinal)
    {
        ["null"] = AvroKind.Null,
        ["boolean"] = AvroKind.Boolean,
        ["int"] = AvroKind.Int,
        ["long"] = AvroKind.Long,
        ["float"] = AvroKind.Float,
        ["double"] = AvroKind.Double,
        ["bytes"] = AvroKind.Bytes,
        ["string"] = AvroKind.String,
    };

    private readonly SchemaFileInput _file;
    private readonly string _access;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<AvroNamedTypeModel> _types = new();
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    private AvroSchemaParser(SchemaFileInput file)
    {
        _file = file;
        _diagnostics = new DiagnosticBag(file.Path, file.Text);
        _access = file.Access.Length == 0 ? "public" : file.Access;
    }

    public static SchemaFileResult Parse(SchemaFileInput file)
    {
        var parser = new AvroSchemaParser(file);
        try
        {
            parser.ParseFile();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The generator must never throw (a crash becomes an opaque AD0001 warning): report it.
            parser._diagnostics.Report(
                DiagnosticDescriptors.GeneratorFailure,
                0,
                0,
                "$",
                e.GetType().Name + ": " + e.Message
            );
            parser._types.Clear();
        }
        var ok = !parser._diagnostics.HasErrors;
        // A file with errors generates nothing: half a schema would only add confusing C# errors.
        return new SchemaFileResult(
            parser._file.Path,
            ok ? parser._types.ToEquatableArray() : EquatableArray<AvroNamedTypeModel>.Empty,
            parser._diagnostics.ToEquatableArray()
        );
    }

    private void ParseFile()
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(_file.Text);
        }
        catch (JsonSyntaxException e)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidJson,
                e.Offset,
                e.Offset,
                "$",
                e.Message
            );
            return;
        }
        if (_access != "public" && _access != "internal")
        {
            _diagnostics.Report(
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
        if (_file.LogicalTypes is not ("" or "typed" or "underlying"))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidFileMetadata,
                0,
                0,
                "$",
                "KConnectorLogicalTypes",
                _file.LogicalTypes,
                "typed or underlying"
            );
            return;
        }
        var type = ParseType(root, "$", string.Empty);
        if (type is not null && _types.Count == 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.TopLevelNotRecord, root, "$", Describe(root));
        }
    }

    /// <summary>Parses any schema; named types found on the way are added to <see cref="_types"/>.</summary>
    private AvroTypeModel? ParseType(JsonNode node, string path, string ns)
    {
        switch (node.Kind)
        {
            case JsonKind.String:
                return ParseTypeName(node, node.Text!, path, ns);
            case JsonKind.Array:
                return ParseUnion(node, path, ns);
            case JsonKind.Object:
                return ParseTypeObject(node, path, ns);
            default:
                _diagnostics.Report(
                    DiagnosticDescriptors.WrongAttributeType,
                    node,
                    path,
                    "type",
                    "a type name, a schema object or a union array"
                );
                return null;
        }
    }

    private AvroTypeModel? ParseTypeName(JsonNode node, string name, string path, string ns)
    {
        if (Primitives.TryGetValue(name, out var kind))
        {
            return AvroTypeModel.Primitive(kind);
        }
        if (name is "record" or "error" or "enum" or "array" or "map" or "fixed")
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                node,
                path,
                "type",
                "an object such as {\"type\": \""
                    + name
                    + "\", ...} to declare a"
                    + (name is "array" or "enum" or "error" ? "n " : " ")
                    + name
                    + ", not the bare name \""
                    + name
                    + "\""
            );
            return null;
        }
        // ".Name" is absolute: Name in the null namespace (how Java's Schema.Name and avsc read
        // a leading dot, and what the registered schema text writes for such a reference).
        var absolute = name.Length > 1 && name[0] == '.';
        if (absolute)
        {
            name = name.Substring(1);
        }
        if (!CheckFullName(name, node, path))
        {
            return null;
        }
        // Spec "Names": a simple name is relative to the enclosing namespace.
        var full = absolute || name.IndexOf('.') >= 0 || ns.Length == 0 ? name : ns + "." + name;
        var fallback = full == name ? string.Empty : name;
        return AvroTypeModel.Primitive(AvroKind.Reference) with
        {
            Name = full,
            FallbackName = fallback,
        };
    }

    private AvroTypeModel? ParseUnion(JsonNode node, string path, string ns)
    {
        if (node.Items.Count == 0)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidUnion,
                node,
                path,
                "a union needs at least one branch"
            );
            return null;
        }
        var branches = new List<AvroTypeModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < node.Items.Count; i++)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var item = node.Items[i];
            if (item.Kind == JsonKind.Array)
            {
                // Spec "Unions": unions may not immediately contain other unions.
                _diagnostics.Report(
                    DiagnosticDescriptors.InvalidUnion,
                    item,
                    itemPath,
                    "a union may not immediately contain another union"
                );
                ok = false;
                continue;
            }
            var branch = ParseType(item, itemPath, ns);
            if (branch is null)
            {
                ok = false;
                continue;
            }
            // Spec "Unions": no two branches of the same type, except named types of different names.
            var key = branch.IsNamed ? "named:" + branch.Name : branch.Kind.ToString();
            if (!seen.Add(key))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.InvalidUnion,
                    item,
                    itemPath,
                    "the union already has a branch of type "
                        + (branch.IsNamed ? branch.Name : branch.Kind.ToString().ToLowerInvariant())
                );
                ok = false;
                continue;
            }
            branches.Add(branch);
        }
        return ok
            ? AvroTypeModel.Primitive(AvroKind.Union) with
            {
                Branches = branches.ToEquatableArray(),
            }
            : null;
    }

    private AvroTypeModel? ParseTypeObject(JsonNode node, string path, string ns)
    {
        var typeNode = node["type"];
        if (typeNode is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.MissingAttribute,
                node,
                path,
                "schema",
                "type"
            );
            return null;
        }
        if (typeNode.Kind != JsonKind.String)
        {
            // {"type": {...}} and {"type": [...]} wrap a schema: accepted by Avro's Java parser.
            return ParseType(typeNode, path + ".type", ns);
        }
        var type = typeNode.Text!;
        switch (type)
        {
            case "record":
            case "error":
                return ParseRecord(node, path, ns);
            case "enum":
                return ParseEnum(node, path, ns);
            case "fixed":
                return ParseFixed(node, path, ns);
            case "array":
            case "map":
            {
                var attribute = type == "array" ? "items" : "values";
                var inner = node[attribute];
                if (inner is null)
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.MissingAttribute,
                        node,
                        path,
                        type,
                        attribute
                    );
                    return null;
                }
                var items = ParseType(inner, path + "." + attribute, ns);
                return items is null
                    ? null
                    : AvroTypeModel.Primitive(type == "array" ? AvroKind.Array : AvroKind.Map) with
                    {
                        Items = items,
                        ExtraJson = ExtraMembers(node, "type", attribute),
                    };
            }
        }
        if (Primitives.TryGetValue(type, out var kind))
        {
            var (logical, precision, scale) = ParseLogical(node, kind, 0, path);
            return AvroTypeModel.Primitive(kind) with
            {
                Logical = logical,
                Precision = precision,
                Scale = scale,
                ExtraJson = ExtraMembers(node, "type"),
            };
        }
        // {"type": "com.acme.Name"}: a reference in object form.
        return ParseTypeName(typeNode, type, path + ".type", ns);
    }

    /// <summary>The attributes not in <paramref name="known"/>, as compact JSON members (",\"a\":1").</summary>
    private static string ExtraMembers(JsonNode node, params string[] known)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var property in node.Properties)
        {
            if (Array.IndexOf(known, property.Name) >= 0)
            {
                continue;
            }
            sb.Append(',')
                .Append(
                    JsonCompactWriter.Write(
                        new JsonNode(JsonKind.String, 0, 0, property.Name, null, null)
                    )
                );
            sb.Append(':').Append(JsonCompactWriter.Write(property.Value));
        }
        return sb.ToString();
    }

    private static string Describe(JsonNode node) =>
        node.Kind switch
        {
            JsonKind.Object => node["type"] is { Kind: JsonKind.String } t
                ? "a schema of type \"" + t.Text + "\""
                : "an object without a \"type\"",
            JsonKind.Array => "a union without named types",
            JsonKind.String => "the type \"" + node.Text + "\"",
            _ => "a JSON " + node.Kind.ToString().ToLowerInvariant(),
        };
}
