using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Everything the emitters need for one connector, from a spec or from an attribute: value-equatable
/// (no symbols, nodes or locations), so the incremental pipeline can cache it.
/// </summary>
/// <param name="TypeName">The base of the generated names: {TypeName}Config, {TypeName}Worker, Add{TypeName}Connector.</param>
/// <param name="KeyType">The key's C# type, fully qualified.</param>
/// <param name="ValueType">The value's C# type, fully qualified.</param>
/// <param name="KeyFormats">What the key type can be converted as (the worker's ConverterFormats).</param>
/// <param name="ValueFormats">What the value type can be converted as.</param>
/// <param name="Keys">Every config key, in description order.</param>
/// <param name="SpecValues">Values baked in from a spec (the defaults that configuration overrides).</param>
/// <param name="TaskType">The task's C# type.</param>
/// <param name="TaskCreation">An expression that builds the task from <c>config</c>.</param>
/// <param name="UserClass">Whether the task is the user's [SourceConnector]/[SinkConnector] class.</param>
/// <param name="EmitsTaskPart">Whether to complete the user's class (once per class, not per spec that names it).</param>
/// <param name="SourceDescription">"file.connector.json" or "Type.cs", for clash diagnostics.</param>
/// <param name="Accessors">The record accessors the task needs (built-in connectors that map records).</param>
/// <param name="KeyProtoText">The .proto text of a Protobuf key message (what the ProtobufConverter registers), or null.</param>
/// <param name="ValueProtoText">The .proto text of a Protobuf value message, or null.</param>
/// <param name="SingleTask">Whether the connector runs one task whatever its tasks.max (a built-in source that cannot split its work).</param>
/// <param name="FrameworkKeyCount">How many of <paramref name="Keys"/>, from the first, are the runtime's framework keys (the rest are the connector's own).</param>
/// <param name="ValueChain">The spec's value transformations compiled at build time, or null (Transforms/Compile).</param>
/// <param name="OwnKeysDefinition">The plugin descriptor whose <c>Definition</c> holds the connector's own keys (<c>global::</c>-qualified), or null when they are written in the generated config (an attribute connector's).</param>
internal sealed record ConnectorModel(
    string Namespace,
    string TypeName,
    string Access,
    ConnectorKind Kind,
    string ConnectorName,
    string ConnectorClass,
    string KeyType,
    string ValueType,
    Plugins.ConverterPluginModel KeyConverter,
    Plugins.ConverterPluginModel ValueConverter,
    TypeFormats KeyFormats,
    TypeFormats ValueFormats,
    EquatableArray<ConfigKeyModel> Keys,
    EquatableArray<SpecValue> SpecValues,
    string TaskType,
    string TaskCreation,
    bool UserClass,
    bool HasStart,
    bool HasStop,
    bool HasFlush,
    bool TaskIsDisposable,
    bool EmitsTaskPart,
    string SourceDescription,
    LocationInfo? Location,
    EquatableArray<RecordShapeModel> Accessors = default,
    string? KeyProtoText = null,
    string? ValueProtoText = null,
    bool SingleTask = false,
    int FrameworkKeyCount = 0,
    string? OwnKeysDefinition = null,
    Transforms.CompiledChain? ValueChain = null
)
{
    public string FullTypeName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;
}
