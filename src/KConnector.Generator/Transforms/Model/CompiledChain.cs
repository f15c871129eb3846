using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A spec's value transformations compiled at build time: the output record (an Avro
/// schema derived from the folded Connect schema, generated as the types of .avsc files are) and
/// one C# expression per output field over the input <c>value</c> and the record's <c>topic</c>.
/// Value-equatable, part of the connector's model.
/// </summary>
/// <param name="ClassName">The generated static class holding <c>Apply(topic, value)</c>.</param>
/// <param name="InputType">The task's value type, global-qualified.</param>
/// <param name="OutputNamespace">The C# namespace of the output record (its Avro name is the Connect schema's).</param>
/// <param name="OutputSchemaJson">The output record's Avro schema, as Kafka Connect's AvroData writes the transformed schema.</param>
/// <param name="Aliases">The aliases of <c>transforms</c> compiled here, which leave the run-time chain.</param>
/// <param name="Settings">The spec's <c>transforms</c> and the compiled aliases' keys: fixed at build time, checked at run time.</param>
/// <param name="SchemaPath">A name for the output schema in diagnostics (the spec's file and side).</param>
/// <param name="IsSink">Whether the chain runs in a sink's value converter (topic's type to the task's) rather than a source's (task's type to the topic's).</param>
/// <param name="OutputShape">On a sink, the output record's shape: the accessor a connector that maps records reads the task's values through.</param>
/// <param name="KeyChain">The key the chain computes (the <c>$Key</c> stages over the task's own key, or on a source ValueToKey and the stages after it): its own chain.</param>
/// <param name="HasValueStages">Whether a value stage is compiled (a chain of key stages only leaves the value converter as it is).</param>
/// <param name="Side">"Value" or "Key": the side whose converter runs the chain.</param>
/// <param name="TaskTypeWritable">Whether the side's converter can write the task's own type too: for a dead-letter copy of the record as the task made it, and on a key chain for a record without a value, whose key ValueToKey keeps.</param>
/// <param name="KeyFromValue">For a key chain: whether it reads the task's value (ValueToKey on a source) rather than the task's own key.</param>
/// <param name="Headers">The headers a compiled HeaderFrom adds: each name, and its <c>HeaderValue</c> expression over <c>value</c> (the task's value on a source, the topic's on a sink).</param>
/// <param name="ReadsMetadata">Whether a field reads the record's Kafka metadata (InsertField's partition, offset, timestamp): <c>Apply</c> then takes the task's <c>CompiledRecordMetadata</c> too.</param>
/// <param name="PrimitiveOutputType">The output's C# type when it is a primitive (after ExtractField of a primitive field; a value type's Nullable), or null for a generated record; <c>OutputSchemaJson</c> is then the primitive's Avro schema.</param>
internal sealed record CompiledChain(
    string ClassName,
    string Namespace,
    string Access,
    string InputType,
    string OutputNamespace,
    string OutputTypeName,
    string OutputSchemaJson,
    string SchemaPath,
    EquatableArray<CompiledField> Fields,
    EquatableArray<string> Aliases,
    EquatableArray<SpecValue> Settings,
    bool IsSink = false,
    RecordShapeModel? OutputShape = null,
    CompiledChain? KeyChain = null,
    bool HasValueStages = true,
    string Side = "Value",
    string? PrimitiveOutputType = null,
    bool TaskTypeWritable = true,
    bool KeyFromValue = false,
    EquatableArray<CompiledHeader> Headers = default,
    bool ReadsMetadata = false
)
{
    /// <summary>The output's C# type, global-qualified.</summary>
    public string OutputType =>
        PrimitiveOutputType ?? "global::" + OutputNamespace + "." + OutputTypeName;

    /// <summary>
    /// What the output can be converted as: a generated record, or a Connect primitive (the AvroConverter
    /// and JsonConverter write any, with its schema; a string or bytes one the StringConverter or
    /// ByteArrayConverter too).
    /// </summary>
    public TypeFormats OutputFormats =>
        PrimitiveOutputType switch
        {
            null => TypeFormats.AvroRecord,
            "string" => TypeFormats.String | TypeFormats.ConnectPrimitive,
            "byte[]" => TypeFormats.Bytes | TypeFormats.ConnectPrimitive,
            // Java's toString() of it is what Connect's StringConverter writes.
            _ => TypeFormats.ConnectPrimitive | TypeFormats.PrimitiveText,
        };

    /// <summary>Whether the value converter writes a primitive the chain makes rather than the task's type or a generated record.</summary>
    public bool MakesPrimitiveValue => HasValueStages && PrimitiveOutputType is not null;

    /// <summary>
    /// The chain's <c>Apply</c>, global-qualified, as a converter takes it (topic, input); a chain
    /// that reads the record's metadata is given CreateTask's <c>metadata</c>, which the runner sets.
    /// </summary>
    public string Apply =>
        ReadsMetadata
            ? "(topic, input) => " + Method("Apply") + "(topic, input, metadata)"
            : Method("Apply");

    /// <summary>The chain's <c>Headers</c> (a compiled HeaderFrom's), global-qualified.</summary>
    public string AddHeaders => Method("Headers");

    private string Method(string name) =>
        "global::"
        + (Namespace.Length == 0 ? string.Empty : Namespace + ".")
        + ClassName
        + "."
        + name;
}
