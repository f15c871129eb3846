using System.Text.Json.Nodes;
using KConnector.Converters;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Kafka Connect's <c>SetSchemaMetadata</c>: it needs a schema (<c>requireSchema</c>), and a
/// schemaless value has none, so every schemaless record is Connect's error "Schema required for
/// [updating schema metadata]". Typed (generated) values get it with the build-time path.
/// </summary>
internal sealed class SetSchemaMetadataTransformation(RecordPart part)
    : FieldTransformation(part, Purpose)
{
    private const string Purpose = "updating schema metadata";

    protected override ConnectRecord<TKey, TValue> Transform<TKey, TValue>(
        ConnectRecord<TKey, TValue> record,
        JsonNode operating
    ) => throw new DataException($"Schema required for [{Purpose}]");

    protected override ConnectRecord<TKey, TValue> OnNull<TKey, TValue>(
        ConnectRecord<TKey, TValue> record
    ) => throw new DataException($"Schema required for [{Purpose}]");
}
