using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The schema a spec's key or value enters the chain with: its schema file's, or for a side
/// without one the schema Kafka Connect's converters give (an optional string under the
/// StringConverter, optional bytes under the ByteArrayConverter); unknown otherwise.
/// </summary>
internal static class TransformInputSchema
{
    public static TransformSchema Of(SchemaTypeEntry? entry, string? type) =>
        entry?.Schema
        ?? type switch
        {
            "string" => new TransformSchema(ConnectSchemaType.String, null, true),
            "byte[]" => new TransformSchema(ConnectSchemaType.Bytes, null, true),
            _ => TransformSchema.Unknown,
        };
}
