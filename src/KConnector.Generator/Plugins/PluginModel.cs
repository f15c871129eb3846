using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A connector plugin as the generator knows it from its descriptor (read from a referenced
/// assembly's metadata): the names a spec may give in <c>connector.class</c>, its config keys, the
/// record types it takes and how the generated worker creates its task. Value-equatable.
/// </summary>
/// <param name="ClassName">The canonical <c>connector.class</c>.</param>
/// <param name="Aliases">Other accepted names (Kafka Connect's short names).</param>
/// <param name="DescriptorType">The descriptor class, <c>global::</c>-qualified: its <c>CreateTask</c> builds the task.</param>
/// <param name="Assembly">The assembly (package) that holds it.</param>
/// <param name="Creation">How <c>CreateTask</c> is called, or null when the descriptor has no usable one.</param>
/// <param name="ValueMustBeRecord">Whether the value type must be a generated record.</param>
/// <param name="KeyMayBeRecord">Whether key.schema may name a record; false: keys are strings.</param>
/// <param name="SingleTask">Whether it runs one task whatever its <c>tasks.max</c>.</param>
/// <param name="ValidatesAcrossKeys">Whether the descriptor declares <c>ValidateAcrossKeys</c> (its rules across keys).</param>
/// <param name="ValueType">The <c>global::</c>-qualified value type (ConnectPlugin's ValueType) an AvroConverter spec without value.schema gets, or null.</param>
/// <param name="PrimitiveCreation">How <c>CreatePrimitiveTask</c> is called (a sink whose task takes a Connect primitive value a compiled chain makes), or null: the sink takes records only.</param>
internal sealed record PluginModel(
    string ClassName,
    EquatableArray<string> Aliases,
    ConnectorKind Kind,
    string Description,
    EquatableArray<ConfigKeyModel> Keys,
    string DescriptorType,
    string Assembly,
    TaskCreationModel? Creation,
    bool ValueMustBeRecord,
    bool KeyMayBeRecord,
    bool SingleTask,
    bool ValidatesAcrossKeys = false,
    string? ValueType = null,
    TaskCreationModel? PrimitiveCreation = null
)
{
    /// <summary>Whether the task maps records to columns or fields (its <c>CreateTask</c> takes record accessors).</summary>
    public bool MapsRecords =>
        Creation is { } c
        && (
            c.Parameters.Contains(TaskCreationModel.Key)
            || c.Parameters.Contains(TaskCreationModel.Value)
        );

    /// <summary>Whether the generated worker disposes the task when it stops.</summary>
    public bool TaskIsDisposable => Creation?.ReturnsDisposable == true;
}
