using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Flatten with a schema: each nested struct's fields come up as <c>outer{delimiter}inner</c>
/// (optional when the struct was), arrays and maps stay as they are; two fields flattened to one
/// name are Kafka Connect's "field name duplication".
/// </summary>
internal static class FlattenStage
{
    public static TransformSchema Apply(StageInput input)
    {
        if (input.Struct("flattening") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var delimiter = input.Step.Setting("delimiter")?.Text ?? ".";
        var fields = new List<TransformField>();
        if (!Add(input, record, string.Empty, delimiter, false, fields))
        {
            return TransformSchema.Unknown;
        }
        return record with { Fields = fields.ToEquatableArray() };
    }

    private static bool Add(
        StageInput input,
        TransformSchema record,
        string prefix,
        string delimiter,
        bool optional,
        List<TransformField> fields
    )
    {
        foreach (var field in record.Fields)
        {
            var name = prefix.Length == 0 ? field.Name : prefix + delimiter + field.Name;
            var schema = field.Schema;
            if (schema.IsStruct)
            {
                if (!Add(input, schema, name, delimiter, optional || schema.Optional, fields))
                {
                    return false;
                }
                continue;
            }
            if (fields.Any(f => f.Name == name))
            {
                input.Report(
                    DiagnosticDescriptors.TransformFieldExists,
                    input.WhereOf("delimiter"),
                    input.Step.TypeName,
                    name,
                    input.Description + " flattened"
                );
                return false;
            }
            fields.Add(
                new TransformField(name, schema with { Optional = optional || schema.Optional })
            );
        }
        return true;
    }
}
