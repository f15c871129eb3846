using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Transforms;

/// <summary>
/// InsertField with a schema (Connect's <c>InsertField.applyWithSchema</c>): the record's fields,
/// then topic (string), partition (int32), offset (int64), timestamp (Timestamp) and the static
/// field (string), each optional unless its name ends with '!'. A name the record already has is
/// Connect's "field name duplication".
/// </summary>
internal static class InsertFieldStage
{
    private static readonly (string Key, TransformSchema Schema)[] Inserted =
    {
        ("topic.field", TransformSchema.Of(ConnectSchemaType.String)),
        ("partition.field", TransformSchema.Of(ConnectSchemaType.Int32)),
        ("offset.field", TransformSchema.Of(ConnectSchemaType.Int64)),
        ("timestamp.field", TransformSchema.Of(ConnectSchemaType.Int64, TransformSchema.Timestamp)),
        ("static.field", TransformSchema.Of(ConnectSchemaType.String)),
    };

    public static TransformSchema Apply(StageInput input)
    {
        if (input.Struct("field insertion") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var fields = record.Fields.ToList();
        foreach (var (key, schema) in Inserted)
        {
            var text = input.Step.Setting(key)?.Text.Trim() ?? string.Empty;
            var name = text.TrimEnd('!', '?');
            if (name.Length == 0)
            {
                continue;
            }
            if (fields.Any(f => f.Name == name))
            {
                input.Report(
                    DiagnosticDescriptors.TransformFieldExists,
                    input.WhereOf(key),
                    input.Step.TypeName,
                    name,
                    input.Description
                );
                return TransformSchema.Unknown;
            }
            fields.Add(new TransformField(name, schema with { Optional = !text.EndsWith("!") }));
        }
        return record with { Fields = fields.ToEquatableArray() };
    }

    /// <summary>
    /// <c>offset.field</c> in a source connector's chain: a source record has no Kafka offset,
    /// and Kafka Connect fails every record ("Only SinkRecord supported for [field insertion]").
    /// </summary>
    public static void ReportOffsetOnSource(TransformStep step, List<DiagnosticInfo> diagnostics)
    {
        if (step.Setting("offset.field") is { } offset && offset.Text.Trim().Length > 0)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.OffsetFieldOnSource,
                    offset.Where,
                    step.TypeName
                )
            );
        }
    }
}
