using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;

namespace KConnector.Generator.Avro;

internal sealed partial class AvroSchemaParser
{
    private static readonly string[] RecordAttributes =
    {
        "type",
        "name",
        "namespace",
        "doc",
        "aliases",
        "fields",
    };
    private static readonly string[] EnumAttributes =
    {
        "type",
        "name",
        "namespace",
        "doc",
        "aliases",
        "symbols",
        "default",
    };
    private static readonly string[] FixedAttributes =
    {
        "type",
        "name",
        "namespace",
        "doc",
        "aliases",
        "size",
    };
    private static readonly string[] FieldAttributes =
    {
        "name",
        "type",
        "doc",
        "default",
        "aliases",
        "order",
    };

    private readonly record struct NamedHeader(string FullName, string Namespace, string Name);

    /// <summary>Reads name and namespace (spec "Names"): a dotted name wins over "namespace", which wins over the enclosing one.</summary>
    private NamedHeader? ParseHeader(JsonNode node, string what, string path, string ns)
    {
        var name = RequiredString(node, "name", what, path);
        if (name is null)
        {
            return null;
        }
        var nsNode = node["namespace"];
        if (nsNode is not null && nsNode.Kind != JsonKind.String && nsNode.Kind != JsonKind.Null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                nsNode,
                path + ".namespace",
                "namespace",
                "a string"
            );
            return null;
        }
        var space =
            nsNode is { Kind: JsonKind.String } ? nsNode.Text!
            : nsNode is null ? ns
            : string.Empty;
        var simple = name;
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            space = name.Substring(0, dot);
            simple = name.Substring(dot + 1);
        }
        if (!CheckFullName(name, node["name"]!, path + ".name"))
        {
            return null;
        }
        if (space.Length > 0 && !CheckFullName(space, nsNode ?? node["name"]!, path + ".namespace"))
        {
            return null;
        }
        if (Primitives.ContainsKey(simple))
        {
            // Spec "Names": primitive type names may not be defined in any namespace.
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidName,
                node["name"]!,
                path + ".name",
                simple
            );
            return null;
        }
        var full = space.Length == 0 ? simple : space + "." + simple;
        if (!_defined.Add(full))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.DuplicateName,
                node["name"]!,
                path + ".name",
                full,
                "this file"
            );
            return null;
        }
        return new NamedHeader(full, space, simple);
    }

    private AvroTypeModel? ParseRecord(JsonNode node, string path, string ns)
    {
        var header = ParseHeader(node, "record", path, ns);
        if (header is not { } h)
        {
            return null;
        }
        var doc = OptionalString(node, "doc", path);
        var aliases = ParseAliases(node, path, h.Namespace);
        var fieldsNode = node["fields"];
        if (fieldsNode is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.MissingAttribute,
                node,
                path,
                "record",
                "fields"
            );
            return null;
        }
        if (fieldsNode.Kind != JsonKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                fieldsNode,
                path + ".fields",
                "fields",
                "an array of field objects"
            );
            return null;
        }
        // Reserve the slot before the fields so a recursive record appears before the types it contains.
        var slot = _types.Count;
        _types.Add(null!);
        var fields = new List<AvroFieldModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var typeName = CSharpIdentifier.Unescaped(CSharpIdentifier.TypeName(h.Name, true));
        var properties = new HashSet<string>(StringComparer.Ordinal) { typeName };
        var ok = true;
        for (var i = 0; i < fieldsNode.Items.Count; i++)
        {
            var fieldPath = path + ".fields[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var field = ParseField(
                fieldsNode.Items[i],
                fieldPath,
                h.Namespace,
                typeName,
                properties
            );
            if (field is null)
            {
                ok = false;
                continue;
            }
            if (!seen.Add(field.AvroName))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.DuplicateField,
                    fieldsNode.Items[i],
                    fieldPath + ".name",
                    field.AvroName,
                    h.Name
                );
                ok = false;
                continue;
            }
            fields.Add(field);
        }
        if (!ok)
        {
            _types.RemoveAt(slot);
            return null;
        }
        _types[slot] = Named(AvroKind.Record, h, doc, aliases, node, path, RecordAttributes) with
        {
            Fields = AvoidUnionTypeClashes(fields, typeName).ToEquatableArray(),
        };
        return Reference(h.FullName);
    }

    private AvroFieldModel? ParseField(
        JsonNode node,
        string path,
        string ns,
        string recordName,
        HashSet<string> properties
    )
    {
        if (node.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
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
            _diagnostics.Report(
                DiagnosticDescriptors.MissingAttribute,
                node,
                path,
                "field",
                "type"
            );
            return null;
        }
        if (name is null || !CheckName(name, node["name"]!, path + ".name"))
        {
            return null;
        }
        var doc = OptionalString(node, "doc", path);
        var aliases = FieldAliases(node, path);
        if (aliases is null || FieldOrder(node, path, out var order) is false)
        {
            return null;
        }
        var type = ParseType(typeNode, path + ".type", ns);
        if (type is null)
        {
            return null;
        }
        var defaultNode = node["default"];
        return new AvroFieldModel(
            name,
            UniqueProperty(PropertyName(name, recordName), properties),
            type,
            doc,
            aliases.ToEquatableArray(),
            defaultNode is null ? null : JsonCompactWriter.Write(defaultNode),
            order,
            defaultNode is null ? null : _diagnostics.Span(defaultNode.Start, defaultNode.End),
            _diagnostics.Span(typeNode.Start, typeNode.End),
            path
        );
    }

    /// <summary>A field's aliases (plain names, as the spec has them), or null after reporting a bad one.</summary>
    private List<string>? FieldAliases(JsonNode node, string path)
    {
        var aliases = new List<string>();
        if (node["aliases"] is not { } aliasNode)
        {
            return aliases;
        }
        if (aliasNode.Kind != JsonKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                aliasNode,
                path + ".aliases",
                "aliases",
                "an array of names"
            );
            return null;
        }
        foreach (var alias in aliasNode.Items)
        {
            if (alias.Kind != JsonKind.String)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.WrongAttributeType,
                    alias,
                    path + ".aliases",
                    "aliases",
                    "an array of names"
                );
                return null;
            }
            if (!CheckName(alias.Text!, alias, path + ".aliases"))
            {
                return null;
            }
            aliases.Add(alias.Text!);
        }
        return aliases;
    }

    /// <summary>The field's sort order (absent, or one the spec names); false after reporting another.</summary>
    private bool FieldOrder(JsonNode node, string path, out string? order)
    {
        order = OptionalString(node, "order", path);
        if (order is not null and not ("ascending" or "descending" or "ignore"))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                node["order"]!,
                path + ".order",
                "order",
                "\"ascending\", \"descending\" or \"ignore\""
            );
            return false;
        }
        return true;
    }

    /// <summary>The property name, numbered when another field or a record member already has it.</summary>
    private static string UniqueProperty(string property, HashSet<string> properties)
    {
        var unique = property;
        for (
            var n = 2;
            !properties.Add(unique) || CSharpIdentifier.RecordMembers.Contains(unique);
            n++
        )
        {
            unique = property + n.ToString(CultureInfo.InvariantCulture);
        }
        return unique;
    }

    private EquatableArray<string> ParseAliases(JsonNode node, string path, string ns)
    {
        var result = new List<string>();
        if (node["aliases"] is not { } aliases)
        {
            return result.ToEquatableArray();
        }
        if (aliases.Kind != JsonKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                aliases,
                path + ".aliases",
                "aliases",
                "an array of names"
            );
            return result.ToEquatableArray();
        }
        foreach (var alias in aliases.Items)
        {
            if (alias.Kind != JsonKind.String)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.WrongAttributeType,
                    alias,
                    path + ".aliases",
                    "aliases",
                    "an array of names"
                );
                continue;
            }
            if (CheckFullName(alias.Text!, alias, path + ".aliases"))
            {
                // Spec "Aliases": an alias may be fully qualified or relative to the type's namespace.
                result.Add(
                    alias.Text!.IndexOf('.') >= 0 || ns.Length == 0
                        ? alias.Text!
                        : ns + "." + alias.Text
                );
            }
        }
        return result.ToEquatableArray();
    }

    private AvroNamedTypeModel Named(
        AvroKind kind,
        NamedHeader h,
        string? doc,
        EquatableArray<string> aliases,
        JsonNode node,
        string path,
        string[] known
    ) =>
        new(
            kind,
            h.FullName,
            h.Namespace,
            h.Name,
            _file.NamespaceOverride.Length > 0 ? _file.NamespaceOverride : h.Namespace,
            _access,
            doc,
            aliases,
            EquatableArray<AvroFieldModel>.Empty,
            EquatableArray<string>.Empty,
            null,
            0,
            AvroLogical.None,
            0,
            0,
            ExtraMembers(node, known),
            _file.Path,
            _diagnostics.Span(node.Start, node.End),
            path
        );

    private static AvroTypeModel Reference(string fullName) =>
        AvroTypeModel.Primitive(AvroKind.Reference) with
        {
            Name = fullName,
        };

    /// <summary>
    /// A general union becomes a type nested in the record, named after its property
    /// (<c>Payment</c> -> <c>PaymentUnion</c>); a field named <c>payment_union</c>, or the record
    /// itself named <c>PaymentUnion</c>, would then share that name (CS0102, CS0542). The union's
    /// property gets a number suffix until its union names are free.
    /// </summary>
    private static List<AvroFieldModel> AvoidUnionTypeClashes(
        List<AvroFieldModel> fields,
        string typeName
    )
    {
        var taken = new HashSet<string>(fields.Select(f => f.PropertyName), StringComparer.Ordinal)
        {
            typeName,
        };
        taken.UnionWith(CSharpIdentifier.RecordMembers);
        var result = new List<AvroFieldModel>();
        foreach (var field in fields)
        {
            var property = field.PropertyName;
            for (
                var n = 2;
                (property != field.PropertyName && taken.Contains(property))
                    || AvroCSharpTypes.UnionNames(field.Type, property).Any(taken.Contains);
                n++
            )
            {
                property = field.PropertyName + n.ToString(CultureInfo.InvariantCulture);
            }
            if (property != field.PropertyName)
            {
                taken.Add(property);
            }
            taken.UnionWith(AvroCSharpTypes.UnionNames(field.Type, property));
            result.Add(field with { PropertyName = property });
        }
        return result;
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
}
