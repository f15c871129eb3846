using System.Collections.Generic;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The stages over a primitive key or value (Connect's schema a primitive: after ExtractField of a
/// primitive field, or a task's string or bytes key): a whole-value Cast converts it
/// (<c>castValueToType</c>), HoistField makes it the one field of an unnamed struct, which
/// Confluent's AvroData names <c>ConnectDefault</c>. The other field-level transformations need a
/// struct, and Kafka Connect fails them on every record; the fold reports them (KCN0252).
/// </summary>
internal sealed partial class CompiledStages
{
    private void OnPrimitive(string kind, TransformStep step, string plugin, CompiledSlot primitive)
    {
        var spec = step.List("spec");
        if (kind == "Cast" && spec.Length == 1 && !spec[0].Contains(":"))
        {
            // A whole-value Cast copies the schema's parameters (AvroData's mark of a field default): connect.default as before.
            Primitive = Cast(primitive, spec[0], plugin) with
            {
                DefaultInType = primitive.DefaultInType,
            };
            return;
        }
        if (kind == "HoistField")
        {
            var name = step.Setting("field")?.Text.Trim() ?? string.Empty;
            Slots = new List<CompiledSlot> { primitive with { Name = name } };
            // Unnamed, as Connect's: numbered once the chain is compiled (NameUnnamedRecords).
            RecordName = DefaultRecord;
            Primitive = null;
            return;
        }
        Problem = (
            "type",
            "the "
                + (primitive.Name.Length == 0 ? "task's own" : "extracted")
                + " "
                + primitive.Type.ToString().ToLowerInvariant()
                + " is no struct, and of the transformations of a primitive only a whole-value Cast and HoistField are compiled"
        );
    }
}
