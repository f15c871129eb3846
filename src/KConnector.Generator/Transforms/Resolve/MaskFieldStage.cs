using System.Globalization;
using KConnector.Generator.Diagnostics;

namespace KConnector.Generator.Transforms;

/// <summary>
/// MaskField with a schema: each field must exist; without <c>replacement</c> Kafka Connect masks a
/// primitive, an array or a map to its empty value and fails on a struct; with one it masks
/// numbers (the replacement parsed as the field's number type) and strings only. The schema is unchanged.
/// </summary>
internal static class MaskFieldStage
{
    public static TransformSchema Apply(StageInput input)
    {
        if (input.Struct("mask fields") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var replacement = input.Step.Setting("replacement")?.Text;
        foreach (var name in input.Step.List("fields"))
        {
            if (input.Field(record, name, "fields") is not { Schema.IsKnown: true } field)
            {
                continue;
            }
            var problem = string.IsNullOrEmpty(replacement)
                ? field.Schema.IsStruct
                    ? "Kafka Connect masks primitive values, arrays and maps, not a struct"
                    : null
                : ReplacementProblem(field.Schema, replacement!);
            if (problem is not null)
            {
                input.Report(
                    DiagnosticDescriptors.MaskNotSupported,
                    input.WhereOf("fields"),
                    input.Step.TypeName,
                    "the field \"" + name + "\"",
                    field.Schema.Describe(),
                    problem
                );
            }
        }
        return input.Schema;
    }

    private static string? ReplacementProblem(TransformSchema schema, string replacement)
    {
        var number = CultureInfo.InvariantCulture;
        var parses = schema.Type switch
        {
            ConnectSchemaType.String when schema.Name is null => true,
            ConnectSchemaType.Int8 => sbyte.TryParse(
                replacement,
                NumberStyles.Integer,
                number,
                out _
            ),
            ConnectSchemaType.Int16 => short.TryParse(
                replacement,
                NumberStyles.Integer,
                number,
                out _
            ),
            ConnectSchemaType.Int32 when schema.Name is null => int.TryParse(
                replacement,
                NumberStyles.Integer,
                number,
                out _
            ),
            ConnectSchemaType.Int64 when schema.Name is null => long.TryParse(
                replacement,
                NumberStyles.Integer,
                number,
                out _
            ),
            ConnectSchemaType.Float32 or ConnectSchemaType.Float64 => double.TryParse(
                replacement,
                NumberStyles.Float,
                number,
                out _
            ),
            ConnectSchemaType.Bytes when schema.Name == TransformSchema.Decimal => decimal.TryParse(
                replacement,
                NumberStyles.Float,
                number,
                out _
            ),
            _ => (bool?)null,
        };
        return parses switch
        {
            null =>
                "a replacement masks numbers and strings only (Kafka Connect: \"Cannot mask value of type ... with custom replacement\")",
            false => "the replacement \""
                + replacement
                + "\" is not a "
                + schema.Describe()
                + " (Kafka Connect: \"Unable to convert "
                + replacement
                + " to number\")",
            true => null,
        };
    }
}
