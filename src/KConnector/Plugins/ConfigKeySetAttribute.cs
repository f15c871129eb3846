namespace KConnector.Plugins;

/// <summary>
/// Makes a <c>public static partial class</c> of the runtime one of the framework's config
/// definitions (Kafka Connect's <c>ConnectorConfig</c>, <c>SinkConnectorConfig</c>,
/// <c>SourceConnectorConfig</c>, <c>WorkerConfig</c>), its keys given by
/// <see cref="ConfigKeyAttribute"/>s on the same class. The generator writes the class's
/// <c>Definition</c> and reads the same attributes to check specs.
/// </summary>
/// <param name="scope">Which configs the keys belong to.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConfigKeySetAttribute(ConfigKeyScope scope) : Attribute
{
    /// <summary>Which configs the keys belong to.</summary>
    public ConfigKeyScope Scope { get; } = scope;
}
