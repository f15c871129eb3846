using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The slots of an .avsc record a compiled chain starts from (the task's value, or its own key),
/// each read through the property the Avro generator gave the field, on the chain's parameter.
/// </summary>
internal static class RecordSlots
{
    /// <summary>The fields of <paramref name="entry"/>'s record read as <c>{parameter}.{Property}</c>.</summary>
    public static List<CompiledSlot> Read(SchemaTypeEntry entry, string parameter)
    {
        var schema = entry.Schema!;
        var shape = entry.Shape!;
        return schema
            .Fields.Select(f =>
                CompiledSlot.Read(
                    f.Name,
                    f.Schema,
                    parameter
                        + "."
                        + (
                            shape.Fields.FirstOrDefault(s => s.Name == f.Name)?.Property
                            // A field the connector cannot map (a record, an array, a map) is not in the shape.
                            ?? Avro.AvroSchemaParser.PropertyName(
                                f.Name,
                                OutputAvroSchema.TypeName(schema.Name!)
                            )
                        )
                )
            )
            .ToList();
    }

    /// <summary>
    /// The field of <paramref name="schema"/> a compiled chain cannot carry (a decimal wider than
    /// C#'s, a union with an enum branch, a fixed decimal, an array of unions), or null.
    /// </summary>
    public static string? Uncarried(TransformSchema schema) =>
        schema.Fields.FirstOrDefault(f => !CompiledSlot.Carries(f.Schema)) is { } field
            ? "the field \""
                + field.Name
                + "\" is of type "
                + Describe(field.Schema)
                + ", and compiled transformations carry primitive, enum, fixed, Timestamp, Date, Time and Decimal fields, structs of them, and arrays and maps of primitives, enums, decimals (precision up to 28), fixed, Timestamps, Dates, Times or records only in this version"
            : null;

    private static string Describe(TransformSchema schema) =>
        schema.IsDecimal
            ? "Decimal of precision "
                + AvroDataParameters
                    .PrecisionOf(schema.Parameters)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture)
            : schema.Describe();
}
