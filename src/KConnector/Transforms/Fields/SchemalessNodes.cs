using System.Text.Json.Nodes;
using KConnector.Json;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// The two forms schemaless structured data takes in a record: a hosted worker's <see cref="JsonNode"/>
/// and a spec's <see cref="SchemalessJson"/> (the same node, wrapped so the built-in sinks can write it).
/// Field-level transformations read and write both alike.
/// </summary>
internal static class SchemalessNodes
{
    /// <summary>The node a key or value holds, or null when it is no schemaless data.</summary>
    public static JsonNode? NodeOf(object? value) =>
        value switch
        {
            JsonNode node => node,
            SchemalessJson json => json.Node,
            _ => null,
        };

    /// <summary><paramref name="node"/> as the record's key or value type, when that type can hold it.</summary>
    public static bool TryAs<T>(JsonNode node, out T? typed)
    {
        if (node is T asNode)
        {
            typed = asNode;
            return true;
        }
        if (typeof(T) == typeof(SchemalessJson))
        {
            typed = (T)(object)new SchemalessJson(node);
            return true;
        }
        typed = default;
        return false;
    }
}
