using System.Collections.Generic;
using System.Text;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Avro schema of a compiled chain's output, as Kafka Connect's AvroData writes a struct
/// schema (<c>fromConnectSchema</c>): a record named as the Connect schema, INT8/INT16 as an Avro
/// int with <c>connect.type</c>, an optional field as <c>["null", T]</c> with default null. This is
/// the schema the value converter registers: the transformed one, as Connect's records carry.
/// </summary>
internal static class OutputAvroSchema
{
    /// <summary>The record's simple name (its C# type name).</summary>
    public static string TypeName(string fullName) =>
        fullName.Substring(fullName.LastIndexOf('.') + 1);

    public static string Write(string fullName, IEnumerable<CompiledSlot> slots)
    {
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
            json.Append(", \"type\": ")
                .Append(
                    slot.Optional
                        ? "[\"null\", " + Type(slot.Type) + "], \"default\": null}"
                        : Type(slot.Type) + "}"
                );
            first = false;
        }
        return json.Append("]}").ToString();
    }

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
