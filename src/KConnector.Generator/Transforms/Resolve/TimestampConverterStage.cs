using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// TimestampConverter with a schema: the converted field (or, with <c>field</c> empty, the whole
/// key or value) must be a Timestamp, Date or Time, a string or an int64 (Kafka Connect's
/// "does not correspond to a known timestamp type format" otherwise); it becomes
/// <c>target.type</c>: string, unix (int64), Date, Time or Timestamp.
/// </summary>
internal static class TimestampConverterStage
{
    public static TransformSchema Apply(StageInput input)
    {
        var name = input.Step.Setting("field")?.Text.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return Convert(input, input.Description, input.Schema);
        }
        if (
            input.Struct("converting timestamp formats") is not { } record
            || input.Field(record, name, "field") is not { } field
        )
        {
            return TransformSchema.Unknown;
        }
        var converted = Convert(input, "the field \"" + name + "\"", field.Schema);
        return record with
        {
            Fields = record
                .Fields.Select(f => f == field ? f with { Schema = converted } : f)
                .ToEquatableArray(),
        };
    }

    private static TransformSchema Convert(StageInput input, string what, TransformSchema from)
    {
        if (!from.IsKnown)
        {
            return TransformSchema.Unknown;
        }
        var readable =
            from.IsDateLogical
            || (from.Type == ConnectSchemaType.String && from.Name is null)
            || (from.Type == ConnectSchemaType.Int64 && from.Name is null);
        if (!readable)
        {
            input.Report(
                DiagnosticDescriptors.TimestampConverterInputType,
                input.WhereOf(input.Step.Setting("field")?.Text.Length > 0 ? "field" : "type"),
                input.Step.TypeName,
                what,
                from.Describe()
            );
            return TransformSchema.Unknown;
        }
        var target = input.Step.Setting("target.type")?.Text.Trim();
        var to = target switch
        {
            "string" => TransformSchema.Of(ConnectSchemaType.String),
            "unix" => TransformSchema.Of(ConnectSchemaType.Int64),
            "Date" => TransformSchema.Of(ConnectSchemaType.Int32, TransformSchema.Date),
            "Time" => TransformSchema.Of(ConnectSchemaType.Int32, TransformSchema.Time),
            "Timestamp" => TransformSchema.Of(ConnectSchemaType.Int64, TransformSchema.Timestamp),
            _ => TransformSchema.Unknown,
        };
        return to.IsKnown ? to with { Optional = from.Optional } : to;
    }
}
