using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Where a compiled key chain starts from the task's own key: its .avsc record's fields
/// (<c>key.*</c>), or the string or bytes key itself (an optional string or bytes, as Connect's
/// StringConverter and ByteArrayConverter give it); any other key is not known at build time, and
/// a <c>$Key</c> stage on it is refused saying so.
/// </summary>
internal static class OwnKey
{
    public static KeyChainCompiler Compiler(SchemaTypeEntry? entry, string keyType)
    {
        if (entry?.Schema is { IsStruct: true } schema && entry.Shape is not null)
        {
            return RecordSlots.Uncarried(schema) is { } uncarried
                ? new KeyChainCompiler(unknown: "the key's " + uncarried.Substring(4))
                : new KeyChainCompiler(
                    new CompiledStages(RecordSlots.Read(entry, "key"), schema.Name!)
                );
        }
        var primitive = keyType switch
        {
            "string" => ConnectSchemaType.String,
            "byte[]" => ConnectSchemaType.Bytes,
            _ => (ConnectSchemaType?)null,
        };
        return primitive is { } type && entry is null
            ? new KeyChainCompiler(primitive: new CompiledSlot(string.Empty, type, true, "key"))
            : new KeyChainCompiler(
                unknown: "the build compiles $Key stages on a task's own key when it is an .avsc record or a string or bytes key (or on a key ValueToKey makes from the value), and this key's schema is not known at build time"
            );
    }
}
