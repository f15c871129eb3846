using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>
/// One schema of a compiled validation: the keywords that constrain a value, with the other
/// schemas it applies named by their node ids (a $ref or a recursive schema is an id, not a copy).
/// Data only: <see cref="JsonSchemaValidatorEmitter"/> writes the C#. A new keyword member must
/// also enter <see cref="Shape"/> and <see cref="MapReferences"/>, or the merge of equal nodes
/// would join schemas that differ in it.
/// </summary>
internal sealed class ValidationNode
{
    public ValidationNode(int id) => Id = id;

    public int Id { get; }

    /// <summary>The schema <c>true</c> or <c>{}</c>: every value.</summary>
    public bool AlwaysValid { get; set; }

    public JsonValueTypes Types { get; set; }

    /// <summary>A null value skips the type and enum checks (NJsonSchema's IsNullable: the type or the enum allows null).</summary>
    public bool NullSkips =>
        (Types & JsonValueTypes.Null) != 0 || (Enum?.Contains("null") ?? false);

    public List<int> AllOf { get; } = new();

    public List<int> AnyOf { get; } = new();

    public List<int> OneOf { get; } = new();

    public int? Not { get; set; }

    public List<ValidationProperty> Properties { get; } = new();

    /// <summary>Required names that are not among <see cref="Properties"/>.</summary>
    public List<string> RequiredOnly { get; } = new();

    /// <summary>null: undeclared members allowed; -1: forbidden; else the node validating them.</summary>
    public int? Additional { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    public int? Items { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public string? Pattern { get; set; }

    public string? Format { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? ExclusiveMinimum { get; set; }

    public decimal? ExclusiveMaximum { get; set; }

    /// <summary>Draft-04's boolean exclusiveMinimum/exclusiveMaximum: the bound itself is out.</summary>
    public bool MinimumExclusive { get; set; }

    public bool MaximumExclusive { get; set; }

    public decimal? MultipleOf { get; set; }

    /// <summary>The enum's values as compact JSON texts.</summary>
    public List<string>? Enum { get; set; }

    /// <summary>The const value as compact JSON text.</summary>
    public string? Const { get; set; }

    public bool HasObjectKeywords =>
        Properties.Count > 0
        || RequiredOnly.Count > 0
        || Additional is not null
        || MinProperties is not null
        || MaxProperties is not null;

    public bool HasStringKeywords =>
        MinLength is not null || MaxLength is not null || Pattern is not null || Format is not null;

    public bool HasNumberKeywords =>
        Minimum is not null
        || Maximum is not null
        || ExclusiveMinimum is not null
        || ExclusiveMaximum is not null
        || MultipleOf is not null;

    public bool HasArrayKeywords =>
        Items is not null || MinItems is not null || MaxItems is not null || UniqueItems;

    /// <summary>
    /// Every keyword of this node as text, with the nodes it applies named through
    /// <paramref name="representative"/>: two nodes with the same shape validate alike wherever
    /// they stand (the error path is the reader's position, kept at run time, not the node's).
    /// </summary>
    public string Shape(IReadOnlyList<int> representative)
    {
        var s = new StringBuilder();
        s.Append(AlwaysValid).Append('|').Append((int)Types).Append('|');
        Ids(s, "all", AllOf, representative);
        Ids(s, "any", AnyOf, representative);
        Ids(s, "one", OneOf, representative);
        s.Append("not").Append(Map(Not, representative)).Append('|');
        foreach (var p in Properties)
        {
            s.Append("p").Append(Quoted(p.Name)).Append(representative[p.Node]).Append(p.Required);
        }
        s.Append("|req");
        foreach (var name in RequiredOnly)
        {
            s.Append(Quoted(name));
        }
        s.Append("|add").Append(Additional is -1 ? -1 : Map(Additional, representative));
        s.Append("|items").Append(Map(Items, representative));
        s.Append('|').Append(MinProperties).Append(',').Append(MaxProperties);
        s.Append('|').Append(MinItems).Append(',').Append(MaxItems).Append(',').Append(UniqueItems);
        s.Append('|').Append(MinLength).Append(',').Append(MaxLength);
        s.Append('|')
            .Append(Pattern is null ? "-" : Quoted(Pattern))
            .Append(Format is null ? "-" : Quoted(Format));
        s.Append('|')
            .Append(Minimum)
            .Append(',')
            .Append(Maximum)
            .Append(',')
            .Append(ExclusiveMinimum);
        s.Append(',').Append(ExclusiveMaximum).Append(',').Append(MinimumExclusive).Append(',');
        s.Append(MaximumExclusive).Append(',').Append(MultipleOf);
        s.Append("|enum").Append(Enum is null ? "-" : string.Join(",", Enum.Select(Quoted)));
        s.Append("|const").Append(Const is null ? "-" : Quoted(Const));
        return s.ToString();
    }

    /// <summary>Points every node this one applies at its representative.</summary>
    public void MapReferences(IReadOnlyList<int> representative)
    {
        MapAll(AllOf, representative);
        MapAll(AnyOf, representative);
        MapAll(OneOf, representative);
        Not = Map(Not, representative);
        for (var i = 0; i < Properties.Count; i++)
        {
            Properties[i] = Properties[i] with { Node = representative[Properties[i].Node] };
        }
        Additional = Additional is -1 ? -1 : Map(Additional, representative);
        Items = Map(Items, representative);
    }

    private static int? Map(int? id, IReadOnlyList<int> representative) =>
        id is { } value ? representative[value] : null;

    private static void MapAll(List<int> ids, IReadOnlyList<int> representative)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            ids[i] = representative[ids[i]];
        }
    }

    private static void Ids(StringBuilder s, string name, List<int> ids, IReadOnlyList<int> map)
    {
        s.Append(name);
        foreach (var id in ids)
        {
            s.Append(map[id]).Append(',');
        }
        s.Append('|');
    }

    // Lengths first, so no name or literal can run into the next one.
    private static string Quoted(string text) =>
        text.Length.ToString(CultureInfo.InvariantCulture) + ":" + text;
}
