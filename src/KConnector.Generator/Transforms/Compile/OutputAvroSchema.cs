using System.Collections.Generic;
using System.Text;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Avro schema of a compiled chain's output, as Kafka Connect's AvroData writes a struct
/// schema (<c>fromConnectSchema</c>): a record named as the Connect schema, INT8/INT16 as an Avro
/// int with <c>connect.type</c>, an optional field as <c>["null", T]</c> with default null. This is
/// the schema the value converter registers: the transformed one, as Connect's records carry. A
/// struct field is a nested record; Timestamp, Date and Time carry their Avro logical types. A
/// primitive output (ExtractField of a primitive field) is that primitive's schema.
/// </summary>
internal static class OutputAvroSchema
{
    /// <summary>The record's simple name (its C# type name).</summary>
    public static string TypeName(string fullName) =>
        fullName.Substring(fullName.LastIndexOf('.') + 1);

    public static string Write(string fullName, IEnumerable<CompiledSlot> slots) =>
        Record(fullName, slots, new HashSet<string>());

    // A struct nested in the record is written in place, once per name (Avro names a type once).
    private static string Record(
        string fullName,
        IEnumerable<CompiledSlot> slots,
        HashSet<string> defined
    )
    {
        if (!defined.Add(fullName))
        {
            return EmitText.Literal(fullName);
        }
        var dot = fullName.LastIndexOf('.');
        var json = new StringBuilder("{\"type\": \"record\", \"name\": ").Append(
            EmitText.Literal(TypeName(fullName))
        );
        if (dot > 0)
        {
            json.Append(", \"namespace\": ").Append(EmitText.Literal(fullName.Substring(0, dot)));
        }
        json.Append(", \"fields\": [");
        var first = true;
        foreach (var slot in slots)
        {
            json.Append(first ? string.Empty : ", ")
                .Append("{\"name\": ")
                .Append(EmitText.Literal(slot.Name));
            var type =
                slot.Fields is { } fields ? Record(slot.RecordName!, fields, defined)
                : slot.Items is { } items
                    ? (
                        slot.Type == ConnectSchemaType.Array
                            ? "{\"type\": \"array\", \"items\": "
                            : "{\"type\": \"map\", \"values\": "
                    )
                        + Type(items.Type)
                        + "}"
                : Plain(slot);
            json.Append(", \"type\": ")
                .Append(
                    slot.Optional ? "[\"null\", " + type + "], \"default\": null}" : type + "}"
                );
            first = false;
        }
        return json.Append("]}").ToString();
    }

    /// <summary>
    /// The schema of a primitive key or value (AvroData's <c>fromConnectSchema</c> of a Connect
    /// primitive schema): its type, <c>["null", T]</c> when optional.
    /// </summary>
    public static string Primitive(CompiledSlot slot) =>
        slot.Optional ? "[\"null\", " + Plain(slot) + "]" : Plain(slot);

    private static string Plain(CompiledSlot slot) =>
        slot.Logical is { } logical ? Logical(logical) : Type(slot.Type);

    // As AvroData writes Connect's logical types: the Avro logical type and Connect's name.
    private static string Logical(string name) =>
        name switch
        {
            TransformSchema.Date =>
                "{\"type\": \"int\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Date\", \"logicalType\": \"date\"}",
            TransformSchema.Time =>
                "{\"type\": \"int\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Time\", \"logicalType\": \"time-millis\"}",
            _ =>
                "{\"type\": \"long\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Timestamp\", \"logicalType\": \"timestamp-millis\"}",
        };

    private static string Type(ConnectSchemaType type) =>
        type switch
        {
            ConnectSchemaType.Int8 => "{\"type\": \"int\", \"connect.type\": \"int8\"}",
            ConnectSchemaType.Int16 => "{\"type\": \"int\", \"connect.type\": \"int16\"}",
            ConnectSchemaType.Int32 => "\"int\"",
            ConnectSchemaType.Int64 => "\"long\"",
            ConnectSchemaType.Float32 => "\"float\"",
            ConnectSchemaType.Float64 => "\"double\"",
            ConnectSchemaType.Boolean => "\"boolean\"",
            ConnectSchemaType.Bytes => "\"bytes\"",
            _ => "\"string\"",
        };
}
