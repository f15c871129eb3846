using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Json;

namespace KConnector.Generator.JsonSchema.Validation;

internal sealed partial class ValidationPlanner
{
    // Keywords that constrain but are not compiled: a schema using one is left to the library.
    private static readonly HashSet<string> NotCompiledKeywords = new(StringComparer.Ordinal)
    {
        "if",
        "then",
        "else",
        "patternProperties",
        "dependencies",
        "dependentRequired",
        "dependentSchemas",
        "propertyNames",
        "contains",
        "minContains",
        "maxContains",
        "prefixItems",
        "additionalItems",
        "unevaluatedProperties",
        "unevaluatedItems",
        "$dynamicRef",
        "$recursiveRef",
    };

    /// <summary>Whether <paramref name="keyword"/> makes a schema fall back to the library (KCN0112).</summary>
    public static bool IsNotCompiled(string keyword) => NotCompiledKeywords.Contains(keyword);

    private static bool IsAnnotation(string keyword) =>
        keyword
            is "$schema"
                or "$id"
                or "$anchor"
                or "$comment"
                or "$defs"
                or "definitions"
                or "title"
                or "description"
                or "default"
                or "examples"
                or "deprecated"
                or "readOnly"
                or "writeOnly"
                or "contentMediaType"
                or "contentEncoding"
        || keyword.StartsWith("x-", StringComparison.Ordinal);

    private void Keyword(
        ValidationNode node,
        string name,
        JsonNode value,
        JsonNode document,
        string path
    )
    {
        var at = path + "." + name;
        switch (name)
        {
            case "type":
                node.Types = Types(value, at);
                break;
            case "properties":
                foreach (var property in value.Properties)
                {
                    node.Properties.Add(
                        new ValidationProperty(
                            property.Name,
                            Node(property.Value, document, at + "." + property.Name),
                            false
                        )
                    );
                }
                break;
            case "additionalProperties":
                node.Additional = value.Kind switch
                {
                    JsonKind.False => -1,
                    JsonKind.True => null,
                    _ => Node(value, document, at),
                };
                break;
            case "items":
                node.Items =
                    value.Kind == JsonKind.Array
                        ? Stop(at, "\"items\" as an array (a tuple)")
                        : Node(value, document, at);
                break;
            case "allOf":
            case "anyOf":
            case "oneOf":
                var list =
                    name == "allOf" ? node.AllOf
                    : name == "anyOf" ? node.AnyOf
                    : node.OneOf;
                for (var i = 0; i < value.Items.Count; i++)
                {
                    list.Add(Node(value.Items[i], document, $"{at}[{i}]"));
                }
                break;
            case "not":
                node.Not = Node(value, document, at);
                break;
            case "$ref":
                var target = Resolve(value.Text ?? string.Empty, document, at);
                node.AllOf.Add(target is { } t ? Node(t.Schema, t.Document, at) : 0);
                break;
            default:
                Constraint(node, name, value, at);
                break;
        }
    }

    private void Constraint(ValidationNode node, string name, JsonNode value, string at)
    {
        switch (name)
        {
            case "enum":
                node.Enum = value.Items.Select(JsonCompactWriter.Write).ToList();
                if (node.Enum.Count == 0)
                {
                    Stop(at, "an empty enum");
                }
                break;
            case "const":
                node.Const = JsonCompactWriter.Write(value);
                break;
            case "minimum":
                node.Minimum = Decimal(value, at);
                break;
            case "maximum":
                node.Maximum = Decimal(value, at);
                break;
            case "exclusiveMinimum":
                if (value.Kind == JsonKind.Number)
                    node.ExclusiveMinimum = Decimal(value, at);
                else
                    node.MinimumExclusive = value.Kind == JsonKind.True;
                break;
            case "exclusiveMaximum":
                if (value.Kind == JsonKind.Number)
                    node.ExclusiveMaximum = Decimal(value, at);
                else
                    node.MaximumExclusive = value.Kind == JsonKind.True;
                break;
            case "multipleOf":
                node.MultipleOf = Decimal(value, at);
                break;
            case "minLength":
                node.MinLength = Integer(value);
                break;
            case "maxLength":
                node.MaxLength = Integer(value);
                break;
            case "minItems":
                node.MinItems = Integer(value);
                break;
            case "maxItems":
                node.MaxItems = Integer(value);
                break;
            case "minProperties":
                node.MinProperties = Integer(value);
                break;
            case "maxProperties":
                node.MaxProperties = Integer(value);
                break;
            case "uniqueItems":
                node.UniqueItems = value.Kind == JsonKind.True;
                break;
            case "pattern":
                node.Pattern = Pattern(value.Text ?? string.Empty, at);
                break;
            case "format":
                node.Format = value.Text;
                break;
            case "required":
                break;
            default:
                if (NotCompiledKeywords.Contains(name))
                {
                    Stop(at, "\"" + name + "\" is not compiled");
                }
                break;
        }
    }

    private void FinishRequired(ValidationNode node, JsonNode schema)
    {
        if (schema["required"] is not { Kind: JsonKind.Array } required)
        {
            return;
        }
        foreach (var item in required.Items)
        {
            var name = item.Text ?? string.Empty;
            var index = node.Properties.FindIndex(p => p.Name == name);
            if (index >= 0)
            {
                node.Properties[index] = node.Properties[index] with { Required = true };
            }
            else if (!node.RequiredOnly.Contains(name))
            {
                node.RequiredOnly.Add(name);
            }
        }
    }

    private JsonValueTypes Types(JsonNode value, string at)
    {
        var names = value.Kind == JsonKind.Array ? value.Items : new List<JsonNode> { value };
        var types = JsonValueTypes.None;
        foreach (var name in names)
        {
            types |= name.Text switch
            {
                "string" => JsonValueTypes.String,
                "integer" => JsonValueTypes.Integer,
                "number" => JsonValueTypes.Number,
                "boolean" => JsonValueTypes.Boolean,
                "object" => JsonValueTypes.Object,
                "array" => JsonValueTypes.Array,
                "null" => JsonValueTypes.Null,
                _ => (JsonValueTypes)Stop(at, "an unknown type"),
            };
        }
        return types;
    }

    private decimal? Decimal(JsonNode value, string at)
    {
        if (
            value.Kind == JsonKind.Number
            && decimal.TryParse(
                value.Text,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var d
            )
        )
        {
            return d;
        }
        Stop(at, "a bound beyond decimal's range");
        return null;
    }

    private string? Pattern(string pattern, string at)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
            return pattern;
        }
        catch (ArgumentException)
        {
            Stop(at, "a pattern .NET cannot compile");
            return null;
        }
    }
}
