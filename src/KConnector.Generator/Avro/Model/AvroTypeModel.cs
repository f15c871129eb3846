using KConnector.Generator.Helpers;

namespace KConnector.Generator.Avro;

/// <summary>
/// One use of a type in a schema: a primitive, an array, a map, a union or a reference to a named
/// type. Named types are never nested here but referenced by full name (<see cref="Name"/>), so
/// recursive schemas stay finite and the model stays value-equatable.
/// </summary>
/// <param name="Kind">The kind; <see cref="AvroKind.Reference"/> until the name table resolves it.</param>
/// <param name="Name">Full Avro name of a named type (record, enum, fixed, reference).</param>
/// <param name="FallbackName">For a reference written as a simple name: the name in the null namespace, tried when <paramref name="Name"/> is not defined.</param>
/// <param name="CSharpName">The global-qualified C# type of a resolved record or enum.</param>
/// <param name="Items">Array items or map values.</param>
/// <param name="Branches">Union branches, in declaration order (the order is the encoding).</param>
/// <param name="Logical">The logical type, <see cref="AvroLogical.None"/> when absent, unknown or invalid.</param>
/// <param name="Size">The size of a fixed.</param>
/// <param name="ExtraJson">Other attributes of an annotated primitive (logicalType, precision, ...) as compact JSON members, kept for the registered schema.</param>
internal sealed record AvroTypeModel(
    AvroKind Kind,
    string Name,
    string FallbackName,
    string CSharpName,
    AvroTypeModel? Items,
    EquatableArray<AvroTypeModel> Branches,
    AvroLogical Logical,
    int Precision,
    int Scale,
    int Size,
    string ExtraJson
)
{
    public static AvroTypeModel Primitive(AvroKind kind) =>
        new(
            kind,
            string.Empty,
            string.Empty,
            string.Empty,
            null,
            default,
            AvroLogical.None,
            0,
            0,
            0,
            string.Empty
        );

    public bool IsNamed =>
        Kind is AvroKind.Record or AvroKind.Enum or AvroKind.Fixed or AvroKind.Reference;

    /// <summary>The index of "null" in a two-branch union with null, or -1.</summary>
    public int NullableIndex =>
        Kind == AvroKind.Union
        && Branches.Count == 2
        && (Branches[0].Kind == AvroKind.Null) != (Branches[1].Kind == AvroKind.Null)
            ? (Branches[0].Kind == AvroKind.Null ? 0 : 1)
            : -1;

    /// <summary>The index of "null" in any union, or -1.</summary>
    public int NullBranch
    {
        get
        {
            for (var i = 0; i < Branches.Count; i++)
            {
                if (Branches[i].Kind == AvroKind.Null)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
