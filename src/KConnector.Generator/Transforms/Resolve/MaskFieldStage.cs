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
                    : ConverterProblem(field.Schema, null)
                : ReplacementProblem(field.Schema, replacement!)
                    ?? ConverterProblem(field.Schema, replacement);
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

    // What Kafka Connect masks a Decimal or a fixed to, and Confluent's AvroConverter then cannot write.
    private static string? ConverterProblem(TransformSchema schema, string? replacement)
    {
        if (AvroDataParameters.FixedSizeOf(schema.Parameters) is { } size)
        {
            return "Kafka Connect masks bytes to empty bytes, and Confluent's AvroConverter then fails every record writing them as the fixed "
                + schema.Name
                + " of size "
                + size.ToString(CultureInfo.InvariantCulture);
        }
        if (!schema.IsDecimal)
        {
            return null;
        }
        var expected = AvroDataParameters.ScaleOf(schema.Parameters);
        var scale = replacement is null ? 0 : JavaScale(replacement);
        return scale == expected
            ? null
            : "Kafka Connect masks it to "
                + (
                    replacement is null
                        ? "BigDecimal.ZERO"
                        : "new BigDecimal(\"" + replacement + "\")"
                )
                + " of scale "
                + scale.ToString(CultureInfo.InvariantCulture)
                + ", not the Decimal's "
                + expected.ToString(CultureInfo.InvariantCulture)
                + ", and Confluent's AvroConverter then fails every record (\"BigDecimal has mismatching scale value for given Decimal schema\")"
                + (replacement is null ? "; give a replacement of that scale" : string.Empty);
    }

    // The scale Java's new BigDecimal(text) has: the digits after the point, less the exponent.
    private static int JavaScale(string text)
    {
        var parts = text.Trim().Split('e', 'E');
        var point = parts[0].IndexOf('.');
        var fraction = point < 0 ? 0 : parts[0].Length - point - 1;
        var exponent =
            parts.Length > 1
            && int.TryParse(
                parts[1],
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var e
            )
                ? e
                : 0;
        return fraction - exponent;
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
