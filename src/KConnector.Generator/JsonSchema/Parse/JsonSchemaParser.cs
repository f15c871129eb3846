using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// Turns the text of one *.schema.json file into type declarations and diagnostics (JSON Schema
/// draft 2020-12 and draft-07, the keywords that describe data). Pure: it knows nothing of
/// Roslyn but spans. $refs stay unresolved here; <see cref="JsonSchemaResolver"/> resolves them
/// across all files. A construct it cannot represent is reported, never generated wrongly.
/// </summary>
internal sealed partial class JsonSchemaParser
{
    private readonly SchemaFileInput _file;
    private readonly string _rootNamespace;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<JsonTypeDeclaration> _declarations = new();
    private string _namespace = string.Empty;
    private string _access = "public";
    private JsonNode? _root;
    private readonly List<string> _externalAddresses = new();

    private JsonSchemaParser(JsonSchemaFileInput input)
    {
        _file = input.File;
        _rootNamespace = input.RootNamespace;
        _diagnostics = new DiagnosticBag(_file.Path, _file.Text);
    }

    private enum Site
    {
        Root,
        Definition,
        Inline,
    }

    public static JsonSchemaFileModel Parse(JsonSchemaFileInput input)
    {
        var parser = new JsonSchemaParser(input);
        var id = string.Empty;
        try
        {
            id = parser.ParseFile();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The generator must never throw (a crash becomes an opaque AD0001 warning): report it.
            parser._diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaGeneratorFailure,
                0,
                0,
                "$",
                e.GetType().Name + ": " + e.Message
            );
            parser._declarations.Clear();
        }
        return new JsonSchemaFileModel(
            parser._file.Path,
            id,
            parser._root is null ? string.Empty : JsonCompactWriter.Write(parser._root),
            parser._externalAddresses.ToEquatableArray(),
            parser._declarations.ToEquatableArray(),
            parser._diagnostics.ToEquatableArray()
        );
    }

    private string ParseFile()
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(_file.Text);
        }
        catch (JsonSyntaxException e)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaInvalidJson,
                e.Offset,
                e.Offset,
                "$",
                e.Message
            );
            return string.Empty;
        }
        _root = root;
        if (!ReadMetadata())
        {
            return string.Empty;
        }
        if (root.Kind is JsonKind.True or JsonKind.False)
        {
            return string.Empty;
        }
        if (root.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaNotASchema,
                root,
                "$",
                Describe(root)
            );
            return string.Empty;
        }
        var id = root["$id"] is { Kind: JsonKind.String } idNode ? idNode.Text! : string.Empty;
        var name = root["title"] is { Kind: JsonKind.String } title
            ? CSharpNames.Pascal(title.Text!, CSharpNames.FromFileName(_file.Path))
            : CSharpNames.FromFileName(_file.Path);
        Schema(root, "$", string.Empty, name, Site.Root);
        return id;
    }

    private bool ReadMetadata()
    {
        _access = _file.Access.Length == 0 ? "public" : _file.Access;
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
            return false;
        }
        _namespace = _file.NamespaceOverride.Length > 0 ? _file.NamespaceOverride : _rootNamespace;
        if (_namespace.Length > 0)
        {
            foreach (var part in _namespace.Split('.'))
            {
                if (!CSharpNames.IsIdentifier(part))
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.InvalidFileMetadata,
                        0,
                        0,
                        "$",
                        _file.NamespaceOverride.Length > 0
                            ? "KConnectorNamespace"
                            : "RootNamespace",
                        _namespace,
                        "a C# namespace (dotted identifiers)"
                    );
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The type of the schema <paramref name="node"/>; declares the types it needs on the way.</summary>
    private JsonTypeRef Schema(JsonNode node, string path, string pointer, string name, Site site)
    {
        if (node.Kind is JsonKind.True or JsonKind.False)
        {
            return BooleanSchema(node, path, pointer, name, site);
        }
        if (node.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaNotASchema,
                node,
                path,
                Describe(node)
            );
            return JsonTypeRef.Of(JsonTypeKind.Any);
        }
        Definitions(node, path, pointer, "$defs");
        Definitions(node, path, pointer, "definitions");
        CheckKeywords(node, path);
        if (node["allOf"] is { } allOf)
        {
            return AllOf(node, allOf, path, pointer, name, site);
        }
        if (node.Property("$ref") is { } refProperty)
        {
            return Ref(node, refProperty, path, pointer, name, site);
        }
        var types = TypeKeyword(node, path, out var nullable);
        if (types is null)
        {
            return JsonTypeRef.Of(JsonTypeKind.Any);
        }
        if (node["enum"] is { } enumNode)
        {
            var enumType = Enum(node, enumNode, types, path, pointer, name, ref nullable);
            if (enumType is not null)
            {
                return enumType.WithNullable(nullable);
            }
        }
        var unionKeyword = node["oneOf"] is not null ? "oneOf" : "anyOf";
        if (node[unionKeyword] is { } unionNode)
        {
            return Union(node, unionNode, unionKeyword, path, pointer, name, site, nullable);
        }
        if (types.Count == 0 && ImpliedType(node) is { } implied)
        {
            types.Add(implied);
        }
        if (types.Count == 0)
        {
            // No "type" and nothing that implies one: any JSON value.
            return Declared(
                new JsonTypeRef(JsonTypeKind.Any, nullable),
                node,
                path,
                pointer,
                name,
                site
            );
        }
        if (types.Count > 1)
        {
            return TypeUnion(node, types, path, pointer, name, site, nullable);
        }
        CheckConflicts(node, types[0], path);
        var type = TypeOf(node, types[0], path, pointer, name, site);
        if (type.Kind is JsonTypeKind.Record or JsonTypeKind.Enum or JsonTypeKind.Union)
        {
            return type.WithNullable(nullable);
        }
        return Declared(type.WithNullable(nullable), node, path, pointer, name, site);
    }

    /// <summary><c>true</c> (any value) and <c>false</c> (none; reported) are both typed as any JSON value.</summary>
    private JsonTypeRef BooleanSchema(
        JsonNode node,
        string path,
        string pointer,
        string name,
        Site site
    )
    {
        if (node.Kind == JsonKind.False)
        {
            // The validation planner does not compile a false schema either (KCN0112).
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaValidatedByLibrary,
                node,
                path,
                "false",
                "a schema that allows no value is typed as JsonElement"
            );
        }
        return Declared(JsonTypeRef.Of(JsonTypeKind.Any), node, path, pointer, name, site);
    }

    /// <summary>allOf with one schema only wraps it (how draft-07 adds a description beside a $ref); merging several is not supported.</summary>
    private JsonTypeRef AllOf(
        JsonNode node,
        JsonNode allOf,
        string path,
        string pointer,
        string name,
        Site site
    )
    {
        if (
            allOf.Kind == JsonKind.Array
            && allOf.Items.Count == 1
            && node["properties"] is null
            && node["type"] is null
            && node["$ref"] is null
        )
        {
            return Schema(allOf.Items[0], path + ".allOf[0]", pointer + "/allOf/0", name, site);
        }
        _diagnostics.Report(
            DiagnosticDescriptors.JsonSchemaUnsupported,
            node.Property("allOf")!.NameStart,
            node.Property("allOf")!.NameEnd,
            path + ".allOf",
            "allOf",
            "merging several schemas into one type is not supported; declare the merged object, or use a single $ref"
        );
        return JsonTypeRef.Of(JsonTypeKind.Any);
    }

    /// <summary>A $ref, resolved later (the resolver sees every file); its file is noted for the cross-file check.</summary>
    private JsonTypeRef Ref(
        JsonNode node,
        JsonProperty refProperty,
        string path,
        string pointer,
        string name,
        Site site
    )
    {
        if (refProperty.Value.Kind != JsonKind.String)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                refProperty.Value,
                path + ".$ref",
                "$ref",
                "a string (a URI reference)"
            );
            return JsonTypeRef.Of(JsonTypeKind.Any);
        }
        var text = refProperty.Value.Text!;
        var hash = text.IndexOf('#');
        var address = hash >= 0 ? text.Substring(0, hash) : text;
        if (address.Length > 0 && !_externalAddresses.Contains(address))
        {
            _externalAddresses.Add(address);
        }
        var target = new JsonTypeRef(
            JsonTypeKind.Ref,
            false,
            null,
            text,
            _diagnostics.Span(refProperty.Value.Start, refProperty.Value.End),
            path + ".$ref"
        );
        return Declared(target, node, path, pointer, name, site);
    }

    /// <summary>The type a schema without "type" implies by its other keywords, or null.</summary>
    private static string? ImpliedType(JsonNode node) =>
        node["properties"] is not null || node["additionalProperties"] is not null ? "object"
        : node["items"] is not null ? "array"
        : node["const"] is { Kind: JsonKind.String } || node["format"] is not null ? "string"
        : null;

    private JsonTypeRef TypeOf(
        JsonNode node,
        string type,
        string path,
        string pointer,
        string name,
        Site site
    )
    {
        switch (type)
        {
            case "string":
                return JsonTypeRef.Of(Format(node, path));
            case "integer":
                return JsonTypeRef.Of(JsonTypeKind.Integer);
            case "number":
                return JsonTypeRef.Of(JsonTypeKind.Number);
            case "boolean":
                return JsonTypeRef.Of(JsonTypeKind.Boolean);
            case "array":
                return Array(node, path, pointer, name);
            default:
                return Object(node, path, pointer, name, site);
        }
    }

    private JsonTypeKind Format(JsonNode node, string path)
    {
        var format = node["format"];
        if (format is null)
        {
            return JsonTypeKind.String;
        }
        if (format.Kind != JsonKind.String)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                format,
                path + ".format",
                "format",
                "a string"
            );
            return JsonTypeKind.String;
        }
        // "Defined Formats" (draft 2020-12 section 7.3); other formats (email, hostname, ...) stay strings.
        return format.Text switch
        {
            "date-time" => JsonTypeKind.DateTime,
            "date" => JsonTypeKind.Date,
            "time" => JsonTypeKind.Time,
            "uuid" => JsonTypeKind.Uuid,
            "uri" => JsonTypeKind.Uri,
            "uri-reference" => JsonTypeKind.UriReference,
            _ => JsonTypeKind.String,
        };
    }

    private JsonTypeRef Array(JsonNode node, string path, string pointer, string name)
    {
        var items = node["items"];
        if (items is null)
        {
            return new JsonTypeRef(JsonTypeKind.Array, false, JsonTypeRef.Of(JsonTypeKind.Any));
        }
        if (items.Kind == JsonKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaUnsupported,
                items,
                path + ".items",
                "items",
                "an array of schemas describes a tuple (draft-07), which has no C# type here; use one schema for all items"
            );
            return new JsonTypeRef(JsonTypeKind.Array, false, JsonTypeRef.Of(JsonTypeKind.Any));
        }
        var element = Schema(
            items,
            path + ".items",
            pointer + "/items",
            name + "Item",
            Site.Inline
        );
        return new JsonTypeRef(JsonTypeKind.Array, false, element);
    }

    /// <summary>At the root and in $defs, a schema without a type of its own is an alias $refs can name.</summary>
    private JsonTypeRef Declared(
        JsonTypeRef type,
        JsonNode node,
        string path,
        string pointer,
        string name,
        Site site
    )
    {
        if (site != Site.Inline)
        {
            Add(
                Declare(JsonDeclarationKind.Alias, node, path, pointer, name, site) with
                {
                    AliasOf = type,
                }
            );
        }
        return type;
    }

    private void Definitions(JsonNode node, string path, string pointer, string keyword)
    {
        var defs = node.Property(keyword);
        if (defs is null)
        {
            return;
        }
        if (defs.Value.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                defs.Value,
                path + "." + keyword,
                keyword,
                "an object whose members are schemas"
            );
            return;
        }
        foreach (var def in defs.Value.Properties)
        {
            Schema(
                def.Value,
                PathOf(path + "." + keyword, def.Name),
                pointer + "/" + keyword + "/" + PointerSegment(def.Name),
                CSharpNames.Pascal(def.Name, "Definition"),
                Site.Definition
            );
        }
    }

    /// <summary>The "type" keyword as a list without "null"; null when it is malformed beyond use.</summary>
    private List<string>? TypeKeyword(JsonNode node, string path, out bool nullable)
    {
        nullable = false;
        var result = new List<string>();
        var type = node["type"];
        if (type is null)
        {
            return result;
        }
        var names = new List<JsonNode>();
        if (type.Kind == JsonKind.String)
        {
            names.Add(type);
        }
        else if (type.Kind == JsonKind.Array && type.Items.Count > 0)
        {
            names.AddRange(type.Items);
        }
        else
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                type,
                path + ".type",
                "type",
                "a type name or a non-empty array of type names"
            );
            return null;
        }
        for (var i = 0; i < names.Count; i++)
        {
            var item = names[i];
            var itemPath =
                type.Kind == JsonKind.Array
                    ? path + ".type[" + i.ToString(CultureInfo.InvariantCulture) + "]"
                    : path + ".type";
            if (item.Kind != JsonKind.String)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                    item,
                    itemPath,
                    "type",
                    "a type name or a non-empty array of type names"
                );
                return null;
            }
            switch (item.Text)
            {
                case "null":
                    nullable = true;
                    break;
                case "string":
                case "integer":
                case "number":
                case "boolean":
                case "object":
                case "array":
                    if (!result.Contains(item.Text!))
                    {
                        result.Add(item.Text!);
                    }
                    break;
                default:
                    _diagnostics.Report(
                        DiagnosticDescriptors.JsonSchemaUnknownType,
                        item,
                        itemPath,
                        item.Text!
                    );
                    return null;
            }
        }
        return result;
    }

    private void CheckConflicts(JsonNode node, string type, string path)
    {
        if (type != "object")
        {
            foreach (var keyword in new[] { "properties", "additionalProperties", "required" })
            {
                if (node.Property(keyword) is { } p)
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.JsonSchemaConflictingTypes,
                        p.NameStart,
                        p.NameEnd,
                        path + "." + keyword,
                        $"\"type\": \"{type}\" conflicts with \"{keyword}\", which describes objects"
                    );
                }
            }
        }
        if (type != "array" && node.Property("items") is { } items)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaConflictingTypes,
                items.NameStart,
                items.NameEnd,
                path + ".items",
                $"\"type\": \"{type}\" conflicts with \"items\", which describes arrays"
            );
        }
        if (
            type != "string"
            && node["format"] is { Kind: JsonKind.String } format
            && IsStringFormat(format.Text!)
        )
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaConflictingTypes,
                format,
                path + ".format",
                $"\"type\": \"{type}\" conflicts with \"format\": \"{format.Text}\", which describes strings"
            );
        }
    }

    private static bool IsStringFormat(string format) =>
        format is "date-time" or "date" or "time" or "uuid" or "uri" or "uri-reference" or "email";

    private JsonTypeDeclaration Declare(
        JsonDeclarationKind kind,
        JsonNode node,
        string path,
        string pointer,
        string name,
        Site site
    )
    {
        var doc =
            node["description"] is { Kind: JsonKind.String } d ? d.Text
            : node["title"] is { Kind: JsonKind.String } t ? t.Text
            : null;
        var declaration = new JsonTypeDeclaration(
            _file.Path,
            pointer,
            kind,
            _namespace,
            name,
            _access,
            doc,
            EquatableArray<JsonPropertyModel>.Empty,
            AdditionalPropertiesMode.Keep,
            null,
            EquatableArray<JsonEnumMemberModel>.Empty,
            EquatableArray<JsonUnionBranchModel>.Empty,
            null,
            kind is JsonDeclarationKind.Record or JsonDeclarationKind.Union
                ? SchemaTextFor(pointer, site)
                : null,
            _diagnostics.Span(node.Start, node.End),
            path
        );
        return declaration;
    }

    private void Add(JsonTypeDeclaration declaration) => _declarations.Add(declaration);

    /// <summary>
    /// The schema a generated type registers and validates with: the document itself for the
    /// root; for a top-level $defs entry, the document's definitions with an allOf $ref to it
    /// (allOf rather than a bare $ref: draft-07 ignores a $ref's siblings); none for inline types.
    /// </summary>
    private string? SchemaTextFor(string pointer, Site site)
    {
        if (_root is null)
        {
            return null;
        }
        if (site == Site.Root)
        {
            return JsonCompactWriter.Write(_root);
        }
        if (site != Site.Definition || pointer.Split('/').Length != 3)
        {
            return null;
        }
        var sb = new System.Text.StringBuilder("{");
        foreach (var member in _root.Properties)
        {
            if (member.Name is "$schema" or "$id" or "$defs" or "definitions")
            {
                JsonCompactWriter.WriteString(member.Name, sb);
                sb.Append(':').Append(JsonCompactWriter.Write(member.Value)).Append(',');
            }
        }
        sb.Append("\"allOf\":[{\"$ref\":");
        JsonCompactWriter.WriteString("#" + pointer, sb);
        sb.Append("}]}");
        return sb.ToString();
    }

    private static string PointerSegment(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static string PathOf(string parent, string member) =>
        CSharpNames.IsIdentifier(member)
            ? parent + "." + member
            : parent + "['" + member.Replace("'", "\\'") + "']";

    private static string Describe(JsonNode node) =>
        node.Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Null => "null",
            _ => "a boolean",
        };
}
