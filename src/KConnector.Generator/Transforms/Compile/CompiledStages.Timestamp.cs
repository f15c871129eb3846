using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// TimestampConverter on one field, compiled over the runtime's <c>CompiledTimestamp</c> helpers
/// so that both paths convert alike: the field (a string in <c>format</c>, a unix int64 in
/// <c>unix.precision</c>, or a Timestamp, Date or Time) is read as an instant and written as
/// <c>target.type</c>, whose Connect logical type the output schema carries.
/// </summary>
internal sealed partial class CompiledStages
{
    private const string Timestamps = "global::KConnector.Transforms.Compiled.CompiledTimestamp";

    private void TimestampConverter(TransformStep step, string plugin)
    {
        var name = step.Setting("field")?.Text.Trim() ?? string.Empty;
        var target = step.Setting("target.type")?.Text.Trim() ?? string.Empty;
        var format = EmitText.Literal(step.Setting("format")?.Text ?? string.Empty);
        var precision = EmitText.Literal(
            (step.Setting("unix.precision")?.Text.Trim() ?? "milliseconds").ToLowerInvariant()
        );
        var i = Slots.FindIndex(s => s.Name == name);
        if (name.Length == 0 || i < 0)
        {
            Problem = (
                "field",
                "a TimestampConverter of the whole value is not compiled (the value is a record: convert one of its fields)"
            );
            return;
        }
        var slot = Slots[i];
        var needsFormat =
            target == "string" || (slot.Type == ConnectSchemaType.String && slot.Logical is null);
        if (needsFormat && step.Setting("format")?.Text.Trim().Length is null or 0)
        {
            Problem = (
                "format",
                "TimestampConverter requires format option to be specified when using string timestamps"
            );
            return;
        }
        // The converted field has a schema of its own: an enum's parameters do not follow it.
        var output = target switch
        {
            "string" => slot with { Type = ConnectSchemaType.String, Logical = null },
            "unix" => slot with { Type = ConnectSchemaType.Int64, Logical = null },
            "Date" => slot with { Type = ConnectSchemaType.Int32, Logical = TransformSchema.Date },
            "Time" => slot with { Type = ConnectSchemaType.Int32, Logical = TransformSchema.Time },
            _ => slot with { Type = ConnectSchemaType.Int64, Logical = TransformSchema.Timestamp },
        } with
        {
            // Connect's TimestampConverter builds the field's schema anew: no parameters, no default.
            Parameters = default,
            Default = null,
            DefaultInType = false,
        };
        string Of(string x)
        {
            var instant = slot.Logical switch
            {
                TransformSchema.Timestamp => x,
                TransformSchema.Date or TransformSchema.Time => Timestamps + ".Of(" + x + ")",
                _ => slot.Type == ConnectSchemaType.String
                    ? Timestamps + ".Parse(" + x + ", " + format + ", typeof(" + plugin + "))"
                    : Timestamps + ".FromUnix(" + x + ", " + precision + ")",
            };
            return target switch
            {
                "string" => Timestamps + ".Text(" + instant + ", " + format + ")",
                "unix" => Timestamps + ".Unix(" + instant + ", " + precision + ")",
                "Date" => Timestamps + ".Date(" + instant + ")",
                "Time" => Timestamps + ".Time(" + instant + ")",
                _ => Timestamps + ".Timestamp(" + instant + ")",
            };
        }
        Slots[i] = NullKept(slot, output, Of);
    }
}
