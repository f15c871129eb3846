using System.Collections.Generic;

namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>
/// One schema of a compiled validation: the keywords that constrain a value, with the other
/// schemas it applies named by their node ids (a $ref or a recursive schema is an id, not a copy).
/// Data only: <see cref="JsonSchemaValidatorEmitter"/> writes the C#.
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
}
