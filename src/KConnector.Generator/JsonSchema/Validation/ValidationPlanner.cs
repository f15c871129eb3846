using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Json;

namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>
/// Plans the compiled validation of one schema document (a generated type's JsonSchemaText, with
/// the documents its cross-file $refs name): one <see cref="ValidationNode"/> per schema, $refs and
/// recursion as node ids. A keyword it does not compile stops the plan with the reason: such a
/// schema is validated by the library at run time instead, never half-checked.
/// </summary>
internal sealed partial class ValidationPlanner
{
    private readonly Dictionary<JsonNode, int> _ids = new();
    private readonly HashSet<JsonNode> _resolving = new();
    private readonly List<ValidationNode> _nodes = new();
    private readonly Dictionary<string, JsonNode> _documents = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _references;
    private string? _notCompiled;

    private ValidationPlanner(IReadOnlyDictionary<string, string> references) =>
        _references = references;

    public static ValidationPlan Plan(
        string schemaText,
        IReadOnlyDictionary<string, string> references
    )
    {
        var planner = new ValidationPlanner(references);
        var root = -1;
        try
        {
            var document = JsonParser.Parse(schemaText);
            root = planner.Node(document, document, "$");
        }
        catch (JsonSyntaxException e)
        {
            planner.Stop("$", "the schema does not parse: " + e.Message);
        }
        return ValidationPlanMerger.Merge(
            new ValidationPlan(planner._nodes, root, planner._notCompiled)
        );
    }

    /// <summary>The node id validating <paramref name="schema"/> (a pure $ref is its target's id).</summary>
    private int Node(JsonNode schema, JsonNode document, string path)
    {
        if (_ids.TryGetValue(schema, out var known))
        {
            return known;
        }
        if (AliasTarget(schema, document, path) is { } alias)
        {
            if (!_resolving.Add(schema))
            {
                return Stop(path, "$refs that lead back to themselves");
            }
            var target = Node(alias.Schema, alias.Document, path);
            _resolving.Remove(schema);
            _ids[schema] = target;
            return target;
        }
        var node = new ValidationNode(_nodes.Count);
        _nodes.Add(node);
        _ids[schema] = node.Id;
        switch (schema.Kind)
        {
            case JsonKind.True:
                node.AlwaysValid = true;
                break;
            case JsonKind.Object:
                foreach (var keyword in schema.Properties)
                {
                    Keyword(node, keyword.Name, keyword.Value, document, path);
                }
                FinishRequired(node, schema);
                node.AlwaysValid = IsEmpty(node);
                break;
            default:
                Stop(path, "a false schema (or one that is not an object)");
                break;
        }
        return node.Id;
    }

    private int Stop(string path, string reason)
    {
        _notCompiled ??= reason + " at " + path;
        return 0;
    }

    /// <summary>A schema that only forwards: <c>{"$ref": X}</c> or <c>{"allOf": [X]}</c> beside annotations.</summary>
    private (JsonNode Schema, JsonNode Document)? AliasTarget(
        JsonNode schema,
        JsonNode document,
        string path
    )
    {
        if (schema.Kind != JsonKind.Object)
        {
            return null;
        }
        JsonNode? forward = null;
        foreach (var keyword in schema.Properties)
        {
            if (keyword.Name == "$ref" && keyword.Value.Kind == JsonKind.String)
            {
                forward = keyword.Value;
            }
            else if (keyword.Name == "allOf" && keyword.Value.Items.Count == 1)
            {
                forward = keyword.Value.Items[0];
            }
            else if (!IsAnnotation(keyword.Name))
            {
                return null;
            }
        }
        if (forward is null)
        {
            return null;
        }
        return forward.Kind == JsonKind.String
            ? Resolve(forward.Text!, document, path)
            : (forward, document);
    }

    private static bool IsEmpty(ValidationNode node) =>
        node.Types == JsonValueTypes.None
        && node.AllOf.Count == 0
        && node.AnyOf.Count == 0
        && node.OneOf.Count == 0
        && node.Not is null
        && !node.HasObjectKeywords
        && !node.HasStringKeywords
        && !node.HasNumberKeywords
        && !node.HasArrayKeywords
        && node.Enum is null
        && node.Const is null;

    private static int Integer(JsonNode value) =>
        int.Parse(value.Text!, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
