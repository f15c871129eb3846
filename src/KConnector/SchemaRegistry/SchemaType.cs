namespace KConnector.SchemaRegistry;

/// <summary>
/// The schema formats a Schema Registry stores, as its <c>schemaType</c> field names them
/// (<c>AVRO</c>, the default when the field is absent; <c>PROTOBUF</c>; <c>JSON</c>).
/// </summary>
public enum SchemaType
{
    /// <summary>An Avro schema (JSON text).</summary>
    Avro,

    /// <summary>A Protocol Buffers schema (.proto text).</summary>
    Protobuf,

    /// <summary>A JSON Schema document.</summary>
    Json,
}
