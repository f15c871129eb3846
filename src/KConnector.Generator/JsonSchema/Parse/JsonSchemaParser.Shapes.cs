using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;

namespace KConnector.Generator.JsonSchema;

/// <summary>The declaring shapes: objects (records or maps), string enums and unions.</summary>
internal sealed partial class JsonSchemaParser
{
    private JsonTypeRef Object(JsonNode node, string path, string pointer, string name, Site site)
    {
        var properties = node["properties"];
        if (properties is not null && properties.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                properties,
                path + ".properties",
                "properties",
                "an object whose members are schemas"
            );
            properties = null;
        }
        var (mode, additionalType) = AdditionalProperties(node, path, pointer, name);
        var required = Required(node, path);
        if (properties is null && site != Site.Root)
        {
            // No declared properties: a dictionary (of the additionalProperties schema, else of any value).
            foreach (var (requiredName, requiredNode, requiredPath) in required)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.JsonSchemaRequiredUnknownProperty,
                    requiredNode,
                    requiredPath,
                    requiredName,
                    "this object, which declares no \"properties\""
                );
            }
            return new JsonTypeRef(
                JsonTypeKind.Map,
                false,
                additionalType ?? JsonTypeRef.Of(JsonTypeKind.Any)
            );
        }
        var models = Properties(properties, required, path, pointer, name);
        Add(
            Declare(JsonDeclarationKind.Record, node, path, pointer, name, site) with
            {
                Properties = models.ToEquatableArray(),
                Additional = mode,
                AdditionalType = additionalType,
            }
        );
        return new JsonTypeRef(JsonTypeKind.Record, false, null, FullName(name));
    }

    /// <summary>additionalProperties: kept (absent or true), forbidden (false) or typed (a schema).</summary>
    private (AdditionalPropertiesMode Mode, JsonTypeRef? Type) AdditionalProperties(
        JsonNode node,
        string path,
        string pointer,
        string name
    )
    {
        var additional = node["additionalProperties"];
        switch (additional?.Kind)
        {
            case null:
            case JsonKind.True:
                return (AdditionalPropertiesMode.Keep, null);
            case JsonKind.False:
                return (AdditionalPropertiesMode.Forbid, null);
            case JsonKind.Object:
                var type = Schema(
                    additional,
                    path + ".additionalProperties",
                    pointer + "/additionalProperties",
                    name + "Value",
                    Site.Inline
                );
                return (AdditionalPropertiesMode.Typed, type);
            default:
                _diagnostics.Report(
                    DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                    additional,
                    path + ".additionalProperties",
                    "additionalProperties",
                    "a boolean or a schema"
                );
                return (AdditionalPropertiesMode.Keep, null);
        }
    }

    /// <summary>The record's properties in order (a repeated name reported and skipped), then each required name no property has.</summary>
    private List<JsonPropertyModel> Properties(
        JsonNode? properties,
        List<(string Name, JsonNode Node, string Path)> required,
        string path,
        string pointer,
        string name
    )
    {
        var requiredSet = new HashSet<string>(required.Select(r => r.Name));
        var models = new List<JsonPropertyModel>();
        var taken = new HashSet<string>();
        var seen = new HashSet<string>();
        foreach (var property in properties?.Properties ?? new List<JsonProperty>())
        {
            if (!seen.Add(property.Name))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                    property.NameStart,
                    property.NameEnd,
                    PathOf(path + ".properties", property.Name),
                    "properties",
                    $"an object with unique member names (\"{property.Name}\" appears twice)"
                );
                continue;
            }
            var propertyName = CSharpNames.UniqueMember(
                CSharpNames.Pascal(property.Name, "Property"),
                name,
                taken
            );
            var type = Schema(
                property.Value,
                PathOf(path + ".properties", property.Name),
                pointer + "/properties/" + PointerSegment(property.Name),
                name + CSharpNames.Pascal(property.Name, "Property"),
                Site.Inline
            );
            models.Add(
                new JsonPropertyModel(
                    property.Name,
                    propertyName,
                    type,
                    requiredSet.Contains(property.Name),
                    DocOf(property.Value)
                )
            );
        }
        foreach (var (requiredName, requiredNode, requiredPath) in required)
        {
            if (!seen.Contains(requiredName))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.JsonSchemaRequiredUnknownProperty,
                    requiredNode,
                    requiredPath,
                    requiredName,
                    name
                );
            }
        }
        return models;
    }

    /// <summary>A property's description, else its title.</summary>
    private static string? DocOf(JsonNode schema) =>
        schema.Kind != JsonKind.Object ? null
        : schema["description"] is { Kind: JsonKind.String } d ? d.Text
        : schema["title"] is { Kind: JsonKind.String } t ? t.Text
        : null;

    private List<(string Name, JsonNode Node, string Path)> Required(JsonNode node, string path)
    {
        var result = new List<(string, JsonNode, string)>();
        var required = node["required"];
        if (required is null)
        {
            return result;
        }
        if (required.Kind != JsonKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                required,
                path + ".required",
                "required",
                "an array of property names"
            );
            return result;
        }
        for (var i = 0; i < required.Items.Count; i++)
        {
            var item = required.Items[i];
            var itemPath = path + ".required[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (item.Kind != JsonKind.String)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                    item,
                    itemPath,
                    "required",
                    "an array of property names"
                );
                continue;
            }
            result.Add((item.Text!, item, itemPath));
        }
        return result;
    }

    /// <summary>A string enum becomes a C# enum; null when the enum holds no strings (its type decides).</summary>
    private JsonTypeRef? Enum(
        JsonNode node,
        JsonNode values,
        List<string> types,
        string path,
        string pointer,
        string name,
        ref bool nullable
    )
    {
        if (values.Kind != JsonKind.Array || values.Items.Count == 0)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                values,
                path + ".enum",
                "enum",
                "a non-empty array"
            );
            return JsonTypeRef.Of(JsonTypeKind.Any);
        }
        var kinds = new SortedSet<string>(System.StringComparer.Ordinal);
        var strings = EnumStrings(values, kinds, ref nullable);
        if (strings.Count == 0)
        {
            return null;
        }
        if (kinds.Count > 0)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaMixedEnum,
                values,
                path + ".enum",
                "strings with " + string.Join(" and ", kinds)
            );
            return JsonTypeRef.Of(JsonTypeKind.Any);
        }
        if (types.Count > 0 && !types.Contains("string"))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaConflictingTypes,
                node["type"]!,
                path + ".type",
                $"\"type\": \"{string.Join(", ", types)}\" conflicts with an enum of strings"
            );
        }
        var taken = new HashSet<string>();
        var members = strings
            .Select(s => new JsonEnumMemberModel(
                s,
                CSharpNames.UniqueMember(CSharpNames.Pascal(s, "Empty"), name, taken)
            ))
            .ToEquatableArray();
        Add(
            Declare(JsonDeclarationKind.Enum, node, path, pointer, name, Site.Inline) with
            {
                Members = members,
            }
        );
        return new JsonTypeRef(JsonTypeKind.Enum, false, null, FullName(name));
    }

    /// <summary>An enum's distinct strings in order; a null value makes it nullable, other kinds go to <paramref name="kinds"/>.</summary>
    private static List<string> EnumStrings(
        JsonNode values,
        SortedSet<string> kinds,
        ref bool nullable
    )
    {
        var strings = new List<string>();
        foreach (var value in values.Items)
        {
            switch (value.Kind)
            {
                case JsonKind.String:
                    if (!strings.Contains(value.Text!))
                    {
                        strings.Add(value.Text!);
                    }
                    break;
                case JsonKind.Null:
                    nullable = true;
                    break;
                default:
                    kinds.Add(
                        Describe(value).Replace("an ", string.Empty).Replace("a ", string.Empty)
                            + "s"
                    );
                    break;
            }
        }
        return strings;
    }

    /// <summary>
    /// Whether a oneOf/anyOf has a C# shape: not both keywords, a non-empty array, no properties
    /// beside it (reported otherwise).
    /// </summary>
    private bool IsUnionShape(JsonNode node, JsonNode branches, string keyword, string path)
    {
        if (node["oneOf"] is not null && node["anyOf"] is not null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaUnsupported,
                node.Property("anyOf")!.NameStart,
                node.Property("anyOf")!.NameEnd,
                path + ".anyOf",
                "anyOf",
                "oneOf and anyOf in the same schema describe an intersection of unions"
            );
            return false;
        }
        if (branches.Kind != JsonKind.Array || branches.Items.Count == 0)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaWrongKeywordValue,
                branches,
                path + "." + keyword,
                keyword,
                "a non-empty array of schemas"
            );
            return false;
        }
        if (node.Property("properties") is { } properties)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.JsonSchemaUnsupported,
                properties.NameStart,
                properties.NameEnd,
                path + ".properties",
                keyword,
                "a union beside declared properties has no single C# shape; move the properties into each branch"
            );
            return false;
        }
        return true;
    }

    private JsonTypeRef Union(
        JsonNode node,
        JsonNode branches,
        string keyword,
        string path,
        string pointer,
        string name,
        Site site,
        bool nullable
    )
    {
        if (!IsUnionShape(node, branches, keyword, path))
        {
            return JsonTypeRef.Of(JsonTypeKind.Any);
        }
        var types = new List<JsonTypeRef>();
        for (var i = 0; i < branches.Items.Count; i++)
        {
            var branch = branches.Items[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            if (branch["type"] is { Kind: JsonKind.String, Text: "null" })
            {
                nullable = true;
                continue;
            }
            types.Add(
                Schema(
                    branch,
                    path + "." + keyword + "[" + index + "]",
                    pointer + "/" + keyword + "/" + index,
                    name + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture),
                    Site.Inline
                )
            );
        }
        if (types.Count == 0)
        {
            return Declared(
                new JsonTypeRef(JsonTypeKind.Any, true),
                node,
                path,
                pointer,
                name,
                site
            );
        }
        if (types.Count == 1)
        {
            // oneOf [T, {"type": "null"}]: the common spelling of a nullable T.
            var single = types[0].WithNullable(types[0].Nullable || nullable);
            return single.Kind is JsonTypeKind.Record or JsonTypeKind.Enum or JsonTypeKind.Union
                ? single
                : Declared(single, node, path, pointer, name, site);
        }
        return DeclareUnion(node, types, path, pointer, name, site, nullable);
    }

    private JsonTypeRef TypeUnion(
        JsonNode node,
        List<string> typeNames,
        string path,
        string pointer,
        string name,
        Site site,
        bool nullable
    )
    {
        var types = typeNames
            .Select(t =>
                TypeOf(node, t, path, pointer, name + CSharpNames.Pascal(t, "Value"), Site.Inline)
            )
            .ToList();
        return DeclareUnion(node, types, path, pointer, name, site, nullable);
    }

    private JsonTypeRef DeclareUnion(
        JsonNode node,
        List<JsonTypeRef> types,
        string path,
        string pointer,
        string name,
        Site site,
        bool nullable
    )
    {
        // "Value" is the property every case record holds; a case of that name would clash with it.
        var taken = new HashSet<string> { "Value" };
        var branchModels = types
            .Select(t => new JsonUnionBranchModel(
                CSharpNames.UniqueMember(CaseName(t), name, taken),
                t
            ))
            .ToEquatableArray();
        Add(
            Declare(JsonDeclarationKind.Union, node, path, pointer, name, site) with
            {
                Branches = branchModels,
            }
        );
        return new JsonTypeRef(JsonTypeKind.Union, nullable, null, FullName(name));
    }

    private static string CaseName(JsonTypeRef type)
    {
        switch (type.Kind)
        {
            case JsonTypeKind.Ref:
                var target = type.Target;
                var slash = target.LastIndexOf('/');
                if (slash >= 0 && slash < target.Length - 1)
                {
                    return CSharpNames.Pascal(target.Substring(slash + 1), "Reference");
                }
                var hash = target.IndexOf('#');
                return CSharpNames.FromFileName(hash >= 0 ? target.Substring(0, hash) : target);
            case JsonTypeKind.Record:
            case JsonTypeKind.Enum:
            case JsonTypeKind.Union:
                var dot = type.Target.LastIndexOf('.');
                return type.Target.Substring(dot + 1);
            case JsonTypeKind.Any:
                return "Element";
            default:
                return type.Kind.ToString();
        }
    }

    private void CheckKeywords(JsonNode node, string path)
    {
        foreach (var keyword in node.Properties)
        {
            var keywordPath = path + "." + keyword.Name;
            switch (keyword.Name)
            {
                case "if":
                case "then":
                case "else":
                case "not":
                case "dependentSchemas":
                case "dependentRequired":
                case "dependencies":
                case "propertyNames":
                case "unevaluatedProperties":
                case "unevaluatedItems":
                case "contains":
                case "minContains":
                case "maxContains":
                    ReportConstraint(
                        keyword,
                        keywordPath,
                        "it constrains values without changing their shape"
                    );
                    break;
                case "patternProperties":
                    if (node["additionalProperties"] is { Kind: JsonKind.False })
                    {
                        _diagnostics.Report(
                            DiagnosticDescriptors.JsonSchemaUnsupported,
                            keyword.NameStart,
                            keyword.NameEnd,
                            keywordPath,
                            keyword.Name,
                            "beside \"additionalProperties\": false the generated reader would reject the members the patterns allow"
                        );
                    }
                    else
                    {
                        ReportConstraint(
                            keyword,
                            keywordPath,
                            "members matching its patterns are kept with the other undeclared members in AdditionalProperties"
                        );
                    }
                    break;
                case "$dynamicRef":
                case "$recursiveRef":
                    _diagnostics.Report(
                        DiagnosticDescriptors.JsonSchemaUnsupported,
                        keyword.NameStart,
                        keyword.NameEnd,
                        keywordPath,
                        keyword.Name,
                        "dynamic references are resolved at validation time; use $ref"
                    );
                    break;
                case "prefixItems":
                case "additionalItems":
                    _diagnostics.Report(
                        DiagnosticDescriptors.JsonSchemaUnsupported,
                        keyword.NameStart,
                        keyword.NameEnd,
                        keywordPath,
                        keyword.Name,
                        "tuples (items that differ by position) have no C# type here; use one schema for all items"
                    );
                    break;
            }
        }
    }

    private string FullName(string name) => _namespace.Length == 0 ? name : _namespace + "." + name;
}
