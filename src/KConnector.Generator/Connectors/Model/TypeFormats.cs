using System;

namespace KConnector.Generator.Connectors;

/// <summary>
/// What a connector's key or value type can be converted as, known at compile time: the generic
/// constraints of the runtime's <c>ConverterFormats</c> methods, as flags because one type may have
/// several (a type implementing both IAvroRecord and IJsonSchemaRecord).
/// </summary>
[Flags]
internal enum TypeFormats
{
    None = 0,

    /// <summary><c>string</c>: StringConverter, JsonConverter.</summary>
    String = 1,

    /// <summary><c>byte[]</c>: ByteArrayConverter, JsonConverter.</summary>
    Bytes = 2,

    /// <summary>Generated from an .avsc record (IAvroRecord, IJsonRecord): AvroConverter, JsonConverter.</summary>
    AvroRecord = 4,

    /// <summary>Generated from a .schema.json (IJsonSchemaRecord): JsonSchemaConverter, JsonConverter.</summary>
    JsonSchemaRecord = 8,

    /// <summary>A protoc-generated message (Google.Protobuf IMessage): ProtobufConverter.</summary>
    ProtobufMessage = 16,

    /// <summary>A plugin's declared value type (IConverterFormatsProvider) that writes its run-time schema: AvroConverter.</summary>
    OwnFormats = 32,

    /// <summary>A Connect primitive a compiled chain makes, its Avro schema derived at build time: AvroConverter, JsonConverter.</summary>
    ConnectPrimitive = 64,

    /// <summary>Schemaless JSON (KConnector.Json.SchemalessJson, IConverterFormatsProvider) on a side without a schema file: JsonConverter.</summary>
    SchemalessJson = 128,

    /// <summary>A number, boolean, Timestamp, Date or Time a compiled chain makes: StringConverter (Java's toString()).</summary>
    PrimitiveText = 256,
}
