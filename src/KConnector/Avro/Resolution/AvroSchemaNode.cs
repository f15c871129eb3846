namespace KConnector.Avro.Resolution;

/// <summary>
/// A parsed Avro schema at run time: what schema resolution needs of a writer schema that
/// arrives from a registry. Named types are shared nodes, so recursive schemas are cyclic graphs.
/// </summary>
internal sealed class AvroSchemaNode
{
    public AvroSchemaNode(AvroSchemaKind kind) => Kind = kind;

    public AvroSchemaKind Kind { get; }

    /// <summary>Full name of a record, enum or fixed.</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>Full names of the aliases of a named type.</summary>
    public IReadOnlyList<string> Aliases { get; set; } = [];

    public IReadOnlyList<AvroSchemaField> Fields { get; set; } = [];

    public IReadOnlyList<string> Symbols { get; set; } = [];

    public string? EnumDefault { get; set; }

    public int Size { get; set; }

    /// <summary>Array items or map values.</summary>
    public AvroSchemaNode? Items { get; set; }

    public IReadOnlyList<AvroSchemaNode> Branches { get; set; } = [];

    public string? LogicalType { get; set; }

    public int Scale { get; set; }

    public string SimpleName => FullName[(FullName.LastIndexOf('.') + 1)..];

    public bool IsNamed =>
        Kind is AvroSchemaKind.Record or AvroSchemaKind.Enum or AvroSchemaKind.Fixed;

    public string Describe() =>
        IsNamed
            ? $"{Kind.ToString().ToLowerInvariant()} {FullName}"
            : Kind.ToString().ToLowerInvariant();
}

/// <summary>A record field of the runtime schema model.</summary>
internal sealed record AvroSchemaField(
    string Name,
    IReadOnlyList<string> Aliases,
    AvroSchemaNode Schema,
    bool HasDefault,
    int Position
);
