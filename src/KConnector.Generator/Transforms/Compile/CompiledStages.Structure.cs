using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The stages that change the record's structure, compiled as Kafka Connect's <c>applyWithSchema</c>
/// builds the new schema: Flatten (nested struct fields come up as <c>outer{delimiter}inner</c>,
/// optional under an optional parent; arrays and maps stay), HoistField (the record becomes the one
/// field of an unnamed struct, which Confluent's AvroData names <c>ConnectDefault</c>) and
/// ExtractField (a field, V1 name or V2 dotted path, becomes the record, or the primitive it is).
/// </summary>
internal sealed partial class CompiledStages
{
    private const string DefaultRecord = "io.confluent.connect.avro.ConnectDefault";

    private void Flatten(TransformStep step)
    {
        var delimiter = step.Setting("delimiter")?.Text ?? ".";
        var flat = new List<CompiledSlot>();
        Flatten(Slots, string.Empty, delimiter, new List<string>(), flat);
        if (flat.FirstOrDefault(s => !AvroName(s.Name)) is { } invalid)
        {
            Problem = (
                "delimiter",
                "the flattened field \""
                    + invalid.Name
                    + "\" is no Avro field name (letters, digits and '_'), and the compiled output is an Avro record: use a delimiter such as \"_\""
            );
            return;
        }
        Slots = flat;
    }

    private void Flatten(
        IReadOnlyList<CompiledSlot> slots,
        string prefix,
        string delimiter,
        List<string> guards,
        List<CompiledSlot> flat
    )
    {
        foreach (var slot in slots)
        {
            var name = prefix.Length == 0 ? slot.Name : prefix + delimiter + slot.Name;
            if (slot.Fields is { } fields)
            {
                var inner = slot.Optional ? guards.Append(slot.Expression).ToList() : guards;
                Flatten(fields, name, delimiter, inner, flat);
                continue;
            }
            if (guards.Count == 0)
            {
                flat.Add(slot with { Name = name });
                continue;
            }
            var optional = slot with { Name = name, Optional = true };
            flat.Add(
                optional with
                {
                    Expression =
                        "("
                        + string.Join(" || ", guards.Select(g => g + " is null"))
                        + " ? null : "
                        // A collection is a reference the conditional takes as it is; a value type needs T?.
                        + (slot.Items is null ? "(" + optional.CSharpType + ")" : string.Empty)
                        + slot.Expression
                        + ")",
                }
            );
        }
    }

    private void HoistField(TransformStep step)
    {
        var name = step.Setting("field")?.Text.Trim() ?? string.Empty;
        var hoisted = new CompiledSlot(
            name,
            ConnectSchemaType.Struct,
            false,
            string.Empty,
            RecordName: RecordName,
            Fields: Slots
        );
        // Unnamed, as Connect's: numbered once the chain is compiled (NameUnnamedRecords).
        RecordName = DefaultRecord;
        Slots = new List<CompiledSlot> { hoisted };
    }

    private void ExtractField(TransformStep step)
    {
        var path = step.Setting("field")?.Text.Trim() ?? string.Empty;
        var v2 = step.Setting("field.syntax.version")?.Text.Trim() == "V2";
        IReadOnlyList<CompiledSlot> level = Slots;
        CompiledSlot? found = null;
        foreach (var name in v2 ? path.Split('.') : new[] { path })
        {
            found = level.FirstOrDefault(s => s.Name == name);
            if (found is { IsUnion: true })
            {
                Problem = (
                    "field",
                    "the field \""
                        + name
                        + "\" is a union, which Confluent's AvroData writes as an Avro union, and a compiled chain's output is a record"
                );
                return;
            }
            if (found is null || (found.Optional && found.Fields is not null))
            {
                Problem = (
                    "field",
                    found is null
                        ? "the path \"" + path + "\" is not compiled (backtick-quoted names)"
                        : "the struct \""
                            + name
                            + "\" on its path is optional, and a compiled chain's output is a record, never null"
                );
                return;
            }
            level = found.Fields ?? new List<CompiledSlot>();
        }
        if (found!.Items is not null)
        {
            Problem = (
                "field",
                "the field \""
                    + path
                    + "\" is an array or a map, and a compiled chain's output is a record or a primitive (leave the schema to the run-time chain)"
            );
            return;
        }
        if (found.IsWideDecimal)
        {
            Problem = ("field", Wide(found, "ExtractField"));
            return;
        }
        if (found.Fields is null)
        {
            // A primitive field: the key or value becomes it, as Connect's ExtractField makes it.
            Primitive = found with
            {
                Name = string.Empty,
            };
            return;
        }
        Slots = found.Fields.ToList();
        RecordName = found.RecordName!;
    }

    private static bool AvroName(string name) =>
        name.Length > 0
        && !char.IsDigit(name[0])
        && name.All(c =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        );
}
