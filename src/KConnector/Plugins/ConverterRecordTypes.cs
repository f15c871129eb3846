namespace KConnector.Plugins;

/// <summary>
/// The key and value types a converter can carry (<see cref="ConnectPluginAttribute.Carries"/>): what
/// its descriptor promises, so that a build refuses a spec whose record type the named converter
/// cannot convert (Kafka Connect finds out at the first record).
/// </summary>
[Flags]
public enum ConverterRecordTypes
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>string</c> keys or values.</summary>
    String = 1,

    /// <summary><c>byte[]</c> keys or values, passed through.</summary>
    Bytes = 2,

    /// <summary>Records generated from <c>.avsc</c> files.</summary>
    AvroRecord = 4,

    /// <summary>Types generated from <c>.schema.json</c> files.</summary>
    JsonSchemaRecord = 8,

    /// <summary>protoc-generated Protobuf messages.</summary>
    ProtobufMessage = 16,

    /// <summary>A plugin's own value type that writes the schemas it learns at run time (<see cref="ConnectPluginAttribute.ValueType"/>).</summary>
    OwnFormats = 32,

    /// <summary>
    /// A Connect primitive (number, boolean, string, bytes, Timestamp, Date, Time) a compiled chain
    /// makes the key or value, its schema known at build time (docs/transforms.md, "Compiled at build time").
    /// </summary>
    ConnectPrimitive = 64,

    /// <summary>
    /// Schemaless JSON (<see cref="Json.SchemalessJson"/>): what a spec's side without a schema file
    /// gets under the JsonConverter, Kafka Connect's schemaless Map (docs/transforms.md).
    /// </summary>
    SchemalessJson = 128,

    /// <summary>
    /// A number, boolean, Timestamp, Date or Time a compiled chain makes the key or value, written as
    /// Java's <c>toString()</c> of it (Kafka Connect's <c>StringConverter</c>: "12.5", "1.0E7", "true").
    /// </summary>
    PrimitiveText = 256,
}
