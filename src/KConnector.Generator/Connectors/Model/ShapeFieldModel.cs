namespace KConnector.Generator.Connectors;

/// <summary>One field of a <see cref="RecordShapeModel"/>: a column or document field.</summary>
/// <param name="Name">The Avro field name (the column name).</param>
/// <param name="Property">The generated property.</param>
/// <param name="FieldType">The runtime <c>FieldType</c> member: Boolean, Int, Long, Float, Double, Bytes or String.</param>
/// <param name="NullBranch">The index of "null" in a nullable union; 0 otherwise.</param>
/// <param name="DefaultExpression">The .avsc default as a C# expression of the property's type, or null (none, or null).</param>
/// <param name="Conversion">How the property's type maps to the field type's CLR type.</param>
/// <param name="PropertyType">The property's C# type without '?'.</param>
internal sealed record ShapeFieldModel(
    string Name,
    string Property,
    string FieldType,
    bool IsNullable,
    int NullBranch,
    bool HasDefault,
    string? DefaultExpression,
    FieldConversion Conversion,
    string PropertyType,
    int Precision = 0,
    int Scale = 0,
    bool IsClrDecimal = false
);
