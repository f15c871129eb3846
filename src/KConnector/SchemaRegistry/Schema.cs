namespace KConnector.SchemaRegistry;

/// <summary>A schema's text and its format, as sent to and returned by a Schema Registry.</summary>
/// <param name="SchemaString">The schema text (Avro JSON, .proto text or a JSON Schema document).</param>
/// <param name="SchemaType">The schema's format.</param>
public sealed record Schema(string SchemaString, SchemaType SchemaType)
{
    /// <summary>The registry's name for <see cref="SchemaType"/>: <c>AVRO</c>, <c>PROTOBUF</c> or <c>JSON</c>.</summary>
    public string SchemaTypeName => WireName(SchemaType);

    internal static string WireName(SchemaType type) =>
        type switch
        {
            SchemaType.Avro => "AVRO",
            SchemaType.Protobuf => "PROTOBUF",
            SchemaType.Json => "JSON",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

    internal static SchemaType Parse(string? wireName) =>
        wireName switch
        {
            null or "AVRO" => SchemaType.Avro,
            "PROTOBUF" => SchemaType.Protobuf,
            "JSON" => SchemaType.Json,
            _ => throw new SchemaRegistryException(
                $"The registry returned an unknown schemaType '{wireName}'."
            ),
        };
}
