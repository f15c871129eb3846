using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Cast with a schema (Kafka Connect's <c>Cast</c>): <c>spec</c> is <c>field:type,...</c> or one
/// type for the whole key or value. The targets are int8, int16, int32, int64, float32, float64,
/// boolean and string; the sources the primitives and bytes (to string only, as base64), a
/// Decimal to a number or string, a Timestamp, Date or Time to any target (Connect casts their
/// encoding, epoch milliseconds / days / milliseconds of the day, to a number, and their ISO text
/// to string); a struct, array or map cannot be cast. The cast fields take the target's type, optional as they were.
/// </summary>
internal static class CastStage
{
    private static readonly string[] Targets =
    {
        "int8",
        "int16",
        "int32",
        "int64",
        "float32",
        "float64",
        "boolean",
        "string",
    };

    public static TransformSchema Apply(StageInput input)
    {
        var spec = input.Step.List("spec");
        if (spec.Length == 1 && !spec[0].Contains(":"))
        {
            var whole = Target(input, input.Description, input.Schema, spec[0]);
            return whole is null || !input.Schema.IsKnown
                ? TransformSchema.Unknown
                : Cast(input, input.Description, input.Schema, whole.Value);
        }
        if (input.Struct("cast types") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var casts = new Dictionary<string, TransformSchema>();
        foreach (var mapping in spec.Select(m => m.Split(':')).Where(m => m.Length == 2))
        {
            if (input.Field(record, mapping[0].Trim(), "spec") is not { } field)
            {
                continue;
            }
            var what = "the field \"" + field.Name + "\"";
            var target = Target(input, what, field.Schema, mapping[1]);
            casts[field.Name] =
                target is null || !field.Schema.IsKnown
                    ? TransformSchema.Unknown
                    : Cast(input, what, field.Schema, target.Value);
        }
        return record with
        {
            Fields = record
                .Fields.Select(f =>
                    casts.TryGetValue(f.Name, out var cast) ? f with { Schema = cast } : f
                )
                .ToEquatableArray(),
        };
    }

    private static ConnectSchemaType? Target(
        StageInput input,
        string what,
        TransformSchema from,
        string written
    )
    {
        var name = written.Trim().ToLowerInvariant();
        var index = Array.IndexOf(Targets, name);
        if (index >= 0)
        {
            return ConnectSchemaType.Int8 + index;
        }
        input.Report(
            DiagnosticDescriptors.CastNotSupported,
            input.WhereOf("spec"),
            input.Step.TypeName,
            what,
            from.Describe(),
            "\"" + written.Trim() + "\"",
            "Kafka Connect's Cast casts to " + string.Join(", ", Targets) + " only"
        );
        return null;
    }

    private static TransformSchema Cast(
        StageInput input,
        string what,
        TransformSchema from,
        ConnectSchemaType to
    )
    {
        var problem = from switch
        {
            {
                Type: ConnectSchemaType.Struct or ConnectSchemaType.Array or ConnectSchemaType.Map
            } => "Kafka Connect's Cast does not cast from "
                + from.Type.ToString().ToUpperInvariant(),
            { Type: ConnectSchemaType.Bytes, IsDecimal: false }
                when to != ConnectSchemaType.String =>
                "Kafka Connect's Cast casts bytes to string only (as base64)",
            _ => null,
        };
        if (problem is not null)
        {
            input.Report(
                DiagnosticDescriptors.CastNotSupported,
                input.WhereOf("spec"),
                input.Step.TypeName,
                what,
                from.Describe(),
                to.ToString().ToLowerInvariant(),
                problem
            );
            return TransformSchema.Unknown;
        }
        return new TransformSchema(to, null, from.Optional);
    }
}
