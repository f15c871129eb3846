using System;
using KConnector.Generator.Json;

namespace KConnector.Generator.JsonSchema.Validation;

internal sealed partial class ValidationPlanner
{
    /// <summary>
    /// The schema a $ref names: "#..." in the same document, "other.schema.json#..." in a document
    /// of the references (keyed by the address as written, as the generated JsonSchemaReferences are).
    /// </summary>
    private (JsonNode Schema, JsonNode Document)? Resolve(
        string reference,
        JsonNode document,
        string at
    )
    {
        var hash = reference.IndexOf('#');
        var address = hash < 0 ? reference : reference.Substring(0, hash);
        var pointer = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        if (address.Length > 0)
        {
            if (!_documents.TryGetValue(address, out var other))
            {
                if (!_references.TryGetValue(address, out var text))
                {
                    Stop(at, "a $ref to a document the type does not carry (" + address + ")");
                    return null;
                }
                other = JsonParser.Parse(text);
                _documents[address] = other;
            }
            document = other;
        }
        var schema = Walk(document, pointer);
        if (schema is null)
        {
            Stop(at, "a $ref that cannot be resolved (" + reference + ")");
            return null;
        }
        return (schema, document);
    }

    private static JsonNode? Walk(JsonNode document, string pointer)
    {
        var current = document;
        foreach (var raw in pointer.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            if (current.Kind == JsonKind.Array && int.TryParse(segment, out var index))
            {
                current = index < current.Items.Count ? current.Items[index] : null;
            }
            else
            {
                current = current[segment];
            }
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }
}
