using System;
using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A key or value schema as Kafka Connect's transformations see it (a <c>Schema</c>: type, optional,
/// name, struct fields), derived from the spec's .avsc or .schema.json file as Confluent's
/// converters map them, and then from each transformation's output. Value-equatable.
/// </summary>
/// <param name="Name">A struct's record name, or the logical type's name (<see cref="Timestamp"/>, ...); null otherwise.</param>
/// <param name="Items">An array's items or a map's values.</param>
/// <param name="Enum">Whether it is an Avro enum (a Connect string; its C# type is the generated enum).</param>
/// <param name="Underlying">For an Avro logical type Connect reads as its plain type (timestamp-micros, uuid, ...) or an enum (its symbol), the C# expression of that plain value over the generated property's ({0}); see AvroUnderlying.</param>
/// <param name="Parameters">Connect's schema parameters AvroData sets (an enum's symbols, a Decimal's scale and precision).</param>
/// <param name="Default">A record field's default as AvroData carries it (<c>defaultValueFromAvro</c>) and writes it back (<c>defaultValueFromConnect</c>): JSON text; null when it has none (see AvroFieldDefault).</param>
internal sealed record TransformSchema(
    ConnectSchemaType Type,
    string? Name,
    bool Optional,
    EquatableArray<TransformField> Fields = default,
    TransformSchema? Items = null,
    bool Enum = false,
    string? Underlying = null,
    EquatableArray<ConnectParameter> Parameters = default,
    string? Default = null
)
{
    public const string Timestamp = "org.apache.kafka.connect.data.Timestamp";
    public const string Date = "org.apache.kafka.connect.data.Date";
    public const string Time = "org.apache.kafka.connect.data.Time";
    public const string Decimal = "org.apache.kafka.connect.data.Decimal";

    public static TransformSchema Unknown { get; } = new(ConnectSchemaType.Unknown, null, true);

    public static TransformSchema Of(ConnectSchemaType type, string? name = null) =>
        new(type, name, false);

    public bool IsKnown => Type != ConnectSchemaType.Unknown;

    public bool IsStruct => Type == ConnectSchemaType.Struct;

    /// <summary>Whether it is one of Connect's logical date types (Timestamp, Date, Time).</summary>
    public bool IsDateLogical => Name is Timestamp or Date or Time;

    /// <summary>Whether it is Connect's Decimal (its scale in <see cref="Parameters"/>).</summary>
    public bool IsDecimal => Name == Decimal;

    public TransformField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public string FieldNames =>
        Fields.Count == 0 ? "none" : string.Join(", ", Fields.Select(f => f.Name));

    /// <summary>As Kafka Connect names it in its errors: int64, string, Timestamp, struct Shop.Order.</summary>
    public string Describe() =>
        Name is Timestamp or Date or Time or Decimal ? Name.Substring(Name.LastIndexOf('.') + 1)
        : Type == ConnectSchemaType.Struct && Name is not null ? "struct " + Name
        : Type.ToString().ToLowerInvariant();
}
