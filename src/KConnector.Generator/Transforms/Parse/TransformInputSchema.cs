using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

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

    /// <summary>The schema of an attribute connector's key or value type (global-qualified, or string / byte[]).</summary>
    public static TransformSchema Of(EquatableArray<SchemaTypeEntry> schemas, string type) =>
        Of(
            schemas.FirstOrDefault(s => s.CSharpFullName is { } name && "global::" + name == type),
            type
        );
}
