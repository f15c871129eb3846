using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// HeaderFrom, compiled: each named field's value, typed with the field's Connect schema, becomes a
/// header (Kafka Connect's <c>HeaderFrom.applyWithSchema</c>: <c>headers.add(name, value,
/// fieldSchema)</c>), and with <c>operation=move</c> the field leaves the record. The header's
/// expression reads the field as the stages before it left it, so stages after it do not change it.
/// </summary>
internal sealed partial class CompiledStages
{
    private const string Values = "global::KConnector.Converters.Headers.HeaderValue";
    private const string Types = "global::KConnector.Converters.Headers.HeaderValueType";

    /// <summary>The headers the compiled stages add, in order: the header name and the <c>HeaderValue</c> expression.</summary>
    public List<CompiledHeader> Headers { get; } = new();

    private void HeaderFrom(TransformStep step)
    {
        var fields = step.List("fields");
        var names = step.List("headers");
        var added = new List<CompiledHeader>();
        for (var i = 0; i < fields.Length && i < names.Length; i++)
        {
            var slot = Slots.First(s => s.Name == fields[i]);
            if (HeaderValueOf(slot) is not { } value)
            {
                Problem = (
                    "fields",
                    "the field \""
                        + slot.Name
                        + "\" is a "
                        + (slot.Fields is null ? slot.Type.ToString().ToLowerInvariant() : "struct")
                        + ", and a compiled HeaderFrom copies primitive and Timestamp/Date/Time fields only"
                );
                return;
            }
            added.Add(new CompiledHeader(names[i], value, Condition));
        }
        Headers.AddRange(added);
        if (step.Setting("operation")?.Text.Trim() == "move")
        {
            var moved = new HashSet<string>(fields);
            Slots = Slots.Where(s => !moved.Contains(s.Name)).ToList();
        }
    }

    // The field's value as a typed header value; null for a struct, array or map.
    private string? HeaderValueOf(CompiledSlot slot)
    {
        if (slot.Fields is not null || slot.Items is not null)
        {
            return null;
        }
        if (
            slot.Type is ConnectSchemaType.String or ConnectSchemaType.Bytes
            && slot.Logical is null
        )
        {
            // HeaderValue.FromString / FromBytes give the null value for null.
            return Values
                + (slot.Type == ConnectSchemaType.String ? ".FromString(" : ".FromBytes(")
                + slot.Expression
                + ")";
        }
        if (!slot.Optional)
        {
            return HeaderValueOf(slot, slot.Expression);
        }
        var local = "__h" + (_locals++).ToString(CultureInfo.InvariantCulture);
        return "("
            + slot.Expression
            + " is { } "
            + local
            + " ? "
            + HeaderValueOf(slot, local)
            + " : "
            + Values
            + ".Null)";
    }

    private static string? HeaderValueOf(CompiledSlot slot, string x) =>
        slot.Logical switch
        {
            TransformSchema.Timestamp => Values
                + ".FromTime("
                + Types
                + ".Timestamp, "
                + x
                + ".UtcDateTime)",
            TransformSchema.Date => Values
                + ".FromTime("
                + Types
                + ".Date, "
                + x
                + ".ToDateTime(global::System.TimeOnly.MinValue))",
            TransformSchema.Time => Values
                + ".FromTime("
                + Types
                + ".Time, global::System.DateTime.UnixEpoch.Add("
                + x
                + ".ToTimeSpan()))",
            _ => slot.Type switch
            {
                ConnectSchemaType.Int8
                or ConnectSchemaType.Int16
                or ConnectSchemaType.Int32
                or ConnectSchemaType.Int64 => Values
                    + ".FromInteger("
                    + Types
                    + "."
                    + slot.Type
                    + ", "
                    + x
                    + ")",
                ConnectSchemaType.Float32 => Values + ".FromFloat(" + x + ")",
                ConnectSchemaType.Float64 => Values + ".FromDouble(" + x + ")",
                ConnectSchemaType.Boolean => Values + ".FromBoolean(" + x + ")",
                _ => null,
            },
        };
}
