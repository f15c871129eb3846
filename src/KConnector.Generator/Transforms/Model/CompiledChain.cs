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
    RecordShapeModel? OutputShape = null
)
{
    /// <summary>The output record's C# type, global-qualified.</summary>
    public string OutputType => "global::" + OutputNamespace + "." + OutputTypeName;

    /// <summary>The chain's <c>Apply</c>, global-qualified.</summary>
    public string Apply =>
        "global::"
        + (Namespace.Length == 0 ? string.Empty : Namespace + ".")
        + ClassName
        + ".Apply";
}
