using System.Collections.Generic;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The stages over a primitive key or value (Connect's schema a primitive: after ExtractField of a
/// primitive field, or a task's string or bytes key): a whole-value Cast converts it
/// (<c>castValueToType</c>), HoistField makes it the one field of an unnamed struct, which
/// Confluent's AvroData names <c>ConnectDefault</c>, SetSchemaMetadata names and versions its schema.
/// The other field-level transformations need a struct, and Kafka Connect fails them on every
/// record; the fold reports them (KCN0252).
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
        if (kind == "SetSchemaMetadata" && NamedPrimitive(step, primitive) is { } named)
        {
            Primitive = named;
            return;
        }
        Problem ??= (
            "type",
            "the "
                + (primitive.Name.Length == 0 ? "task's own" : "extracted")
                + " "
                + primitive.Type.ToString().ToLowerInvariant()
                + " is no struct, and of the transformations of a primitive only a whole-value Cast, HoistField and SetSchemaMetadata are compiled"
        );
    }

    // Connect's SetSchemaMetadata on a primitive: its schema renamed and versioned (AvroData writes
    // connect.name and connect.version beside the type). A logical type's name is what makes its
    // value a Date or BigDecimal: renamed, Connect's converters fail every record, so it is refused.
    private CompiledSlot? NamedPrimitive(TransformStep step, CompiledSlot primitive)
    {
        if (primitive.Logical is not null || primitive.Parameters.Count > 0)
        {
            Problem = (
                "type",
                "the value is Connect's "
                    + (primitive.Logical ?? "enum")
                    + ", whose schema name says what its value is: renamed, Kafka Connect's converters fail every record"
            );
            return null;
        }
        var name = step.Setting("schema.name")?.Text.Trim();
        var version = step.Setting("schema.version")?.Text.Trim();
        return primitive with
        {
            SchemaName = string.IsNullOrEmpty(name) ? primitive.SchemaName : name,
            SchemaVersion = int.TryParse(
                version,
                System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture,
                out var v
            )
                ? v
                : primitive.SchemaVersion,
        };
    }
}
