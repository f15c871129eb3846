using System.Collections.Generic;
using System.Linq;
using System.Text;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Avro schema of a compiled chain's output, as Kafka Connect's AvroData writes a struct
/// schema (<c>fromConnectSchema</c>): a record named as the Connect schema, INT8/INT16 as an Avro
/// int with <c>connect.type</c>, an optional field as <c>["null", T]</c> with default null. This is
/// the schema the value converter registers: the transformed one, as Connect's records carry. A
/// struct field is a nested record; Timestamp, Date, Time and Decimal carry their Avro logical types,
/// an enum (a STRING with AvroData's parameters) is a string with <c>connect.parameters</c>, a fixed
/// (a named BYTES) the fixed, each with Connect's name, as AvroData writes them with its defaults;
/// AvroData's Union struct is the union of its branches' types (null first when optional).
/// A primitive output (ExtractField of a primitive field) is that primitive's schema.
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
            json.Append(", \"type\": ").Append(FieldType(slot, TypeOf(slot, defined))).Append('}');
            first = false;
        }
        return json.Append("]}").ToString();
    }

    // A field's type and default as AvroData's addAvroRecordField writes them: its default, or null
    // when optional; an optional type with a default is [T, "null"] (maybeMakeOptional: Avro's
    // default matches the first branch). A union holds its null branch, first.
    private static string FieldType(CompiledSlot slot, string type) =>
        slot.IsUnion && slot.Optional ? type.Insert(1, "\"null\", ") + ", \"default\": null"
        : slot.Default is { } value ? Optional(slot, type) + ", \"default\": " + value
        : slot.Optional ? Optional(slot, type) + ", \"default\": null"
        : type;

    private static string Optional(CompiledSlot slot, string type) =>
        !slot.Optional ? type
        : slot.Default is null ? "[\"null\", " + type + "]"
        : "[" + type + ", \"null\"]";

    // The Avro type of a slot, without the null an optional one adds.
    private static string TypeOf(CompiledSlot slot, HashSet<string> defined) =>
        slot.IsUnion ? "[" + string.Join(", ", slot.Fields!.Select(b => TypeOf(b, defined))) + "]"
        : slot.Fields is { } fields ? Record(slot.RecordName!, fields, defined)
        : slot.Items is { } items
            ? (
                slot.Type == ConnectSchemaType.Array
                    ? "{\"type\": \"array\", \"items\": "
                    : "{\"type\": \"map\", \"values\": "
            )
                + (
                    slot.ItemFields is { } itemFields
                        ? (
                            items.Optional
                                ? "[\"null\", " + Record(items.Name!, itemFields, defined) + "]"
                                : Record(items.Name!, itemFields, defined)
                        )
                    : items.Enum ? Enum(items.Parameters)
                    : items.Name is { } name ? Named(name, items.Parameters, defined)
                    : Type(items.Type)
                )
                + "}"
        : slot.Logical is { } logical ? Named(logical, slot.Parameters, defined)
        : slot.Parameters.Count > 0 ? Enum(slot.Parameters)
        : slot.SchemaName is not null || slot.SchemaVersion is not null ? Renamed(slot)
        : slot.DefaultInType && slot.Default is { } value ? WithConnectDefault(slot.Type, value)
        : Type(slot.Type);

    // As AvroData writes a primitive SetSchemaMetadata named: connect.version, connect.name, then
    // an INT8/INT16's connect.type, beside the Avro type.
    private static string Renamed(CompiledSlot slot)
    {
        var plain = Type(slot.Type);
        var json = new StringBuilder("{\"type\": ").Append(
            plain.StartsWith("{", System.StringComparison.Ordinal) ? "\"int\"" : plain
        );
        if (slot.SchemaVersion is { } version)
        {
            json.Append(", \"connect.version\": ").Append(Number(version));
        }
        if (slot.SchemaName is { } name)
        {
            json.Append(", \"connect.name\": ").Append(EmitText.Literal(name));
        }
        if (slot.Type is ConnectSchemaType.Int8 or ConnectSchemaType.Int16)
        {
            json.Append(", \"connect.type\": ")
                .Append(slot.Type == ConnectSchemaType.Int8 ? "\"int8\"" : "\"int16\"");
        }
        return json.Append('}').ToString();
    }

    // A primitive whose default a stage made (Cast): AvroData writes it into the type too, before connect.type.
    private static string WithConnectDefault(ConnectSchemaType type, string value) =>
        type is ConnectSchemaType.Int8 or ConnectSchemaType.Int16
            ? "{\"type\": \"int\", \"connect.default\": "
                + value
                + ", \"connect.type\": \""
                + (type == ConnectSchemaType.Int8 ? "int8" : "int16")
                + "\"}"
            : "{\"type\": " + Type(type) + ", \"connect.default\": " + value + "}";

    // A named Connect schema that is no struct: a logical type, or a fixed written in place once.
    private static string Named(
        string name,
        EquatableArray<ConnectParameter> parameters,
        HashSet<string> defined
    ) =>
        name switch
        {
            TransformSchema.Decimal => Decimal(parameters),
            TransformSchema.Date or TransformSchema.Time or TransformSchema.Timestamp => Logical(
                name
            ),
            _ when !defined.Add(name) => EmitText.Literal(name),
            _ => Fixed(name, parameters),
        };

    // As AvroData writes an enum's STRING (enhanced schema support off): a string with its parameters.
    private static string Enum(EquatableArray<ConnectParameter> parameters) =>
        "{\"type\": \"string\", \"connect.parameters\": "
        + Parameters(parameters)
        + ", \"connect.name\": "
        + EmitText.Literal(AvroDataParameters.EnumOf(parameters))
        + "}";

    // As AvroData writes a Decimal: bytes with scale and precision, Connect's version, parameters and name, then the logical type.
    private static string Decimal(EquatableArray<ConnectParameter> parameters) =>
        "{\"type\": \"bytes\", \"scale\": "
        + Number(AvroDataParameters.ScaleOf(parameters))
        + ", \"precision\": "
        + Number(AvroDataParameters.PrecisionOf(parameters))
        + ", \"connect.version\": 1, \"connect.parameters\": "
        + Parameters(parameters)
        + ", \"connect.name\": \"org.apache.kafka.connect.data.Decimal\", \"logicalType\": \"decimal\"}";

    // As AvroData writes a named BYTES with a fixed size: the fixed, its parameters and Connect's name.
    private static string Fixed(string fullName, EquatableArray<ConnectParameter> parameters)
    {
        var dot = fullName.LastIndexOf('.');
        return "{\"type\": \"fixed\", \"name\": "
            + EmitText.Literal(TypeName(fullName))
            + (
                dot > 0
                    ? ", \"namespace\": " + EmitText.Literal(fullName.Substring(0, dot))
                    : string.Empty
            )
            + ", \"size\": "
            + Number(AvroDataParameters.FixedSizeOf(parameters) ?? 0)
            + ", \"connect.parameters\": "
            + Parameters(parameters)
            + ", \"connect.name\": "
            + EmitText.Literal(fullName)
            + "}";
    }

    private static string Parameters(EquatableArray<ConnectParameter> parameters) =>
        "{"
        + string.Join(
            ", ",
            parameters.Select(p => EmitText.Literal(p.Key) + ": " + EmitText.Literal(p.Value))
        )
        + "}";

    private static string Number(int n) =>
        n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The schema of a primitive key or value (AvroData's <c>fromConnectSchema</c> of a Connect
    /// primitive schema): its type, <c>["null", T]</c> when optional.
    /// </summary>
    public static string Primitive(CompiledSlot slot)
    {
        return Optional(slot, TypeOf(slot, new HashSet<string>()));
    }

    // As AvroData writes Connect's logical date types: the Avro logical type and Connect's name.
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
