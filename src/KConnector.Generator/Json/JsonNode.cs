using System.Collections.Generic;

namespace KConnector.Generator.Json;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value that remembers where it stood in its file (character offsets), so that
/// every diagnostic can name the line. Only the generator's parsers read it; it never enters a
/// pipeline model.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(
        JsonKind kind,
        int start,
        int end,
        string? text,
        List<JsonProperty>? properties,
        List<JsonNode>? items
    )
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
        Properties = properties ?? new List<JsonProperty>();
        Items = items ?? new List<JsonNode>();
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>A string's value, or a number's text as written.</summary>
    public string? Text { get; }

    /// <summary>An object's members, in file order (duplicates kept, so they can be reported).</summary>
    public List<JsonProperty> Properties { get; }

    /// <summary>An array's items.</summary>
    public List<JsonNode> Items { get; }

    public JsonProperty? Property(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }
        return null;
    }

    public JsonNode? this[string name] => Property(name)?.Value;
}

/// <summary>An object member with the span of its name, for diagnostics about the key itself.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}
