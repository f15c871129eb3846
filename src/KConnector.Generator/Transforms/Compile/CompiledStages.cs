using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The field-level transformations the build compiles, each a rewrite of the record's
/// <see cref="CompiledSlot"/>s as Kafka Connect's <c>applyWithSchema</c> rewrites the struct:
/// InsertField (topic and static fields), ReplaceField, MaskField, Cast (per field) and
/// SetSchemaMetadata. The fold (TransformChainFold) has already checked the names and types, so
/// these do not report; what they cannot compile they name in <see cref="Problem"/>.
/// </summary>
internal sealed partial class CompiledStages
{
    private int _locals;

    public CompiledStages(List<CompiledSlot> slots, string recordName)
    {
        Slots = slots;
        RecordName = recordName;
    }

    public List<CompiledSlot> Slots { get; private set; }

    public string RecordName { get; private set; }

    /// <summary>Why the last stage could not be compiled, and the key it names; null when it was.</summary>
    public (string Key, string Reason)? Problem { get; private set; }

    public bool ReadsTopic { get; private set; }

    /// <summary>
    /// The C# condition (over <c>topic</c>) under which the next stage applies, for a stage under a
    /// TopicNameMatches predicate; null when it applies to every record (CompiledPredicate says which
    /// stages may have one: those that leave the schema as it is).
    /// </summary>
    public string? Condition { get; set; }

    /// <summary>Whether a field reads the record's Kafka metadata (the chain's <c>metadata</c> parameter).</summary>
    public bool ReadsMetadata { get; set; }

    /// <summary>
    /// The primitive the key or value is (a field ExtractField made it, or the task's own string or
    /// bytes key), or null while it is a record of <see cref="Slots"/>; unnamed.
    /// </summary>
    public CompiledSlot? Primitive { get; private set; }

    /// <summary>Stages over a primitive key or value (<paramref name="primitive"/>, unnamed).</summary>
    public static CompiledStages Of(CompiledSlot primitive) =>
        new(new List<CompiledSlot>(), string.Empty) { Primitive = primitive };

    /// <summary>Compiles one value-side stage of kind <paramref name="kind"/> (InsertField, Cast, ...).</summary>
    public bool Apply(string kind, TransformStep step, string plugin)
    {
        Problem = null;
        if (Primitive is { } primitive)
        {
            OnPrimitive(kind, step, plugin, primitive);
            return Problem is null;
        }
        switch (kind)
        {
            case "InsertField":
                InsertField(step, plugin);
                break;
            case "ReplaceField":
                ReplaceField(step);
                break;
            case "MaskField":
                MaskField(step);
                break;
            case "Cast":
                Cast(step, plugin);
                break;
            case "Flatten":
                Flatten(step);
                break;
            case "HoistField":
                HoistField(step);
                break;
            case "ExtractField":
                ExtractField(step);
                break;
            case "TimestampConverter":
                TimestampConverter(step, plugin);
                break;
            case "HeaderFrom":
                HeaderFrom(step);
                break;
            case "SetSchemaMetadata":
                var name = step.Setting("schema.name")?.Text.Trim();
                RecordName = string.IsNullOrEmpty(name) ? RecordName : name!;
                break;
            default:
                Problem = ("type", kind + " is not compiled yet");
                break;
        }
        return Problem is null;
    }

    // Connect's InsertField.applyWithSchema: topic, partition, offset, timestamp, then the static field.
    private void InsertField(TransformStep step, string plugin)
    {
        Insert(step.Setting("topic.field")?.Text.Trim(), "topic");
        if (step.Setting("topic.field")?.Text.Trim().Length > 0)
        {
            ReadsTopic = true;
        }
        foreach (var (key, property, type, logical) in MetadataFields)
        {
            var text = step.Setting(key)?.Text.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var name = text!.TrimEnd('!', '?');
            var optional = !text.EndsWith("!");
            var read = "metadata." + property;
            Slots.Add(
                new CompiledSlot(
                    name,
                    type,
                    optional,
                    optional
                        ? read
                        : "("
                            + read
                            + " ?? throw global::KConnector.Transforms.Compiled.CompiledRecordMetadata.Missing(typeof("
                            + plugin
                            + "), "
                            + EmitText.Literal(name)
                            + ", \""
                            + type.ToString().ToUpperInvariant()
                            + "\"))",
                    logical
                )
            );
            ReadsMetadata = true;
        }
        var value = step.Setting("static.value")?.Text;
        Insert(step.Setting("static.field")?.Text.Trim(), EmitText.Literal(value));
    }

    // The record's Kafka metadata InsertField inserts: the key, the property of CompiledRecordMetadata, the Connect type.
    private static readonly (
        string Key,
        string Property,
        ConnectSchemaType Type,
        string? Logical
    )[] MetadataFields =
    {
        ("partition.field", "Partition", ConnectSchemaType.Int32, null),
        ("offset.field", "Offset", ConnectSchemaType.Int64, null),
        ("timestamp.field", "Timestamp", ConnectSchemaType.Int64, TransformSchema.Timestamp),
    };

    private void Insert(string? text, string expression)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var optional = !text!.EndsWith("!");
        Slots.Add(
            new CompiledSlot(text.TrimEnd('!', '?'), ConnectSchemaType.String, optional, expression)
        );
    }

    private void ReplaceField(TransformStep step)
    {
        var exclude = Names(step, "exclude", "blacklist");
        var include = Names(step, "include", "whitelist");
        var renames = new Dictionary<string, string>();
        foreach (
            var parts in step.List("renames").Select(p => p.Split(':')).Where(p => p.Length == 2)
        )
        {
            renames[parts[0].Trim()] = parts[1].Trim();
        }
        Slots = Slots
            .Where(s =>
                !exclude.Contains(s.Name) && (include.Count == 0 || include.Contains(s.Name))
            )
            .Select(s => renames.TryGetValue(s.Name, out var to) ? s with { Name = to } : s)
            .ToList();
    }

    private static HashSet<string> Names(TransformStep step, string key, string deprecated) =>
        new(step.List(step.List(key).Length > 0 ? key : deprecated));

    private void MaskField(TransformStep step)
    {
        var replacement = step.Setting("replacement")?.Text;
        var fields = new HashSet<string>(step.List("fields"));
        for (var i = 0; i < Slots.Count; i++)
        {
            var slot = Slots[i];
            if (!fields.Contains(slot.Name))
            {
                continue;
            }
            if (slot.IsWideDecimal)
            {
                Problem = ("fields", Wide(slot, "MaskField"));
                return;
            }
            if (slot.ItemFields is not null)
            {
                // Connect's MaskField empties a list or a map; the output's item type names the empty one.
                Slots[i] = slot with
                {
                    Emptied = true,
                };
                continue;
            }
            var masked =
                slot.Items is { } items ? Emptied(slot.Type, items)
                : slot.IsDate ? MaskedDate(slot.Logical!)
                : slot.Logical == TransformSchema.Decimal ? MaskedDecimal(replacement)
                : Masked(slot.Type, replacement);
            var always = slot.Optional
                ? "("
                    + slot.Expression
                    + " is null ? null : ("
                    + slot.CSharpType
                    + ")"
                    + masked
                    + ")"
                : masked;
            Slots[i] = slot with
            {
                Expression = Condition is null
                    ? always
                    : "(" + Condition + " ? " + always + " : " + slot.Expression + ")",
            };
        }
    }

    // Connect's MaskField of a list or a map (the fold refuses a replacement for them): an empty one.
    private static string Emptied(ConnectSchemaType type, TransformSchema items) =>
        type == ConnectSchemaType.Array
            ? "global::System.Array.Empty<" + CompiledSlot.Of(items.Type, items.Name) + ">()"
            : "new global::System.Collections.Generic.Dictionary<string, "
                + CompiledSlot.Of(items.Type, items.Name)
                + ">()";

    // Connect's MaskField of a java.util.Date (Timestamp, Date, Time): the epoch.
    private static string MaskedDate(string logical) =>
        logical switch
        {
            TransformSchema.Date =>
                "global::System.DateOnly.FromDateTime(global::System.DateTime.UnixEpoch)",
            TransformSchema.Time => "global::System.TimeOnly.MinValue",
            _ => "global::System.DateTimeOffset.UnixEpoch",
        };

    // Connect's MaskField of a BigDecimal: zero or new BigDecimal(replacement); the fold made sure its scale is the Decimal's.
    private static string MaskedDecimal(string? replacement) =>
        string.IsNullOrEmpty(replacement)
            ? "0m"
            : decimal.Parse(
                    replacement,
                    System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture
                )
                .ToString(System.Globalization.CultureInfo.InvariantCulture) + "m";

    // Connect's MaskField: the type's empty value, or the replacement (checked by the fold: a number of the field's type).
    private static string Masked(ConnectSchemaType type, string? replacement)
    {
        var given = !string.IsNullOrEmpty(replacement);
        return type switch
        {
            ConnectSchemaType.String => EmitText.Literal(given ? replacement : string.Empty),
            ConnectSchemaType.Boolean => "false",
            ConnectSchemaType.Bytes => "global::System.Array.Empty<byte>()",
            ConnectSchemaType.Float32 => given ? replacement!.Trim() + "f" : "0f",
            ConnectSchemaType.Float64 => given ? replacement!.Trim() + "d" : "0d",
            ConnectSchemaType.Int64 => given ? replacement!.Trim() + "L" : "0L",
            _ => given ? replacement!.Trim() : "0",
        };
    }

    private void Cast(TransformStep step, string plugin)
    {
        var spec = step.List("spec");
        if (spec.Length == 1 && !spec[0].Contains(":"))
        {
            // The fold refuses a whole-value Cast of a struct (KCN0253): Connect fails it on every record.
            Problem = ("spec", "a Cast of the whole value of a record is not compiled");
            return;
        }
        foreach (var mapping in spec.Select(m => m.Split(':')).Where(m => m.Length == 2))
        {
            var i = Slots.FindIndex(s => s.Name == mapping[0].Trim());
            Slots[i] = Cast(Slots[i], mapping[1], plugin);
        }
    }

    // Connect's castValueToType of one primitive (a field, or the whole key or value), null kept null.
    private CompiledSlot Cast(CompiledSlot slot, string written, string plugin)
    {
        var target = written.Trim().ToLowerInvariant();
        if (slot.IsWideDecimal)
        {
            Problem = ("spec", Wide(slot, "Cast"));
            return slot;
        }
        var output = slot with
        {
            Type = CastExpression.TypeOf(target),
            Logical = null,
            Parameters = default,
            Default = CastDefault(slot, target),
            DefaultInType = slot.Default is not null,
        };
        string Of(string x) =>
            slot.IsDate ? DateCastExpression.Of(x, slot.Logical!, target, plugin)
            : slot.Logical == TransformSchema.Decimal ? CastExpression.OfDecimal(x, target)
            : CastExpression.Of(x, slot.Type, target, plugin);
        return NullKept(slot, output, Of);
    }

    // A Decimal C#'s decimal does not hold is carried as the AvroDecimal it is, never computed on.
    private static string Wide(CompiledSlot slot, string stage) =>
        "the field \""
        + slot.Name
        + "\" is a Decimal of precision over 28 (an AvroDecimal in C#), which compiled chains carry but "
        + stage
        + " does not compute on in this version (leave it to the run-time chain)";

    // Connect's Cast casts the field's default too (a build error where that fails, as every record would).
    private string? CastDefault(CompiledSlot slot, string target)
    {
        if (slot.Default is not { } json)
        {
            return null;
        }
        string? problem;
        var cast =
            slot.Logical is null && slot.Type != ConnectSchemaType.Bytes
                ? Transforms.CastDefault.Of(json, slot.Type, target, out problem)
                : Refused(out problem);
        if (problem is not null)
        {
            Problem = ("spec", "the field \"" + slot.Name + "\": " + problem);
        }
        return cast;
    }

    private static string? Refused(out string? problem)
    {
        problem =
            "a default of bytes, a fixed, a Decimal, a Timestamp, Date or Time is not cast at build time (leave the field's default, or the Cast, to the run-time chain)";
        return null;
    }

    // The slot converted by `of` into `output`; an optional one null where it is null (`of` sees a non-null local).
    private CompiledSlot NullKept(
        CompiledSlot slot,
        CompiledSlot output,
        System.Func<string, string> of
    )
    {
        if (!slot.Optional)
        {
            return output with { Expression = of(slot.Expression) };
        }
        var local = "__v" + (_locals++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return output with
        {
            Expression =
                "("
                + slot.Expression
                + " is { } "
                + local
                + " ? ("
                + output.CSharpType
                + ")"
                + of(local)
                + " : null)",
        };
    }
}
