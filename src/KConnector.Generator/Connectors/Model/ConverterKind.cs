namespace KConnector.Generator.Connectors;

/// <summary>Kafka Connect's converters, as a generated worker can use them.</summary>
internal enum ConverterKind
{
    String,
    Avro,
    Json,
    JsonSchema,
    Protobuf,
    ByteArray,
}
