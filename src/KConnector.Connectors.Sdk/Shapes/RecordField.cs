namespace KConnector.Connectors.Shapes;

/// <summary>One field of a <see cref="RecordShape"/>.</summary>
/// <param name="Name">The field name as in the schema (what becomes a column or JSON property).</param>
/// <param name="Type">The primitive type of the value.</param>
/// <param name="IsNullable">True for <c>["null", T]</c> or <c>[T, "null"]</c>.</param>
/// <param name="NullBranch">The index of <c>"null"</c> in the union (0 or 1); 0 when not nullable.</param>
/// <param name="HasDefault">True when the schema declares a default for the field.</param>
public sealed record RecordField(
    string Name,
    FieldType Type,
    bool IsNullable,
    int NullBranch,
    bool HasDefault
)
{
    /// <summary>
    /// The schema's default as the CLR value of <see cref="Type"/> (null when the default is null or
    /// absent); generated accessors set it from the .avsc.
    /// </summary>
    public object? Default { get; init; }

    /// <summary>The field's Avro logical type, if any (the value stays the Avro primitive).</summary>
    public FieldLogicalType Logical { get; init; }

    /// <summary>A decimal's precision (digits in all); 0 otherwise.</summary>
    public int Precision { get; init; }

    /// <summary>A decimal's scale (digits after the point); 0 otherwise.</summary>
    public int Scale { get; init; }
}
