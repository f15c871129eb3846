using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.GeneratedCode;

/// <summary>
/// The keys every connector's config has (Kafka Connect's <c>ConnectorConfig</c>:
/// <see cref="ConnectorConfigDefinition"/>), typed: a generated <c>{Name}Config</c> extends
/// <see cref="SinkConnectorConfigBase"/> or <see cref="SourceConnectorConfigBase"/> and types only
/// the connector's own keys. The properties, the constructor and <c>AppendValues</c> are generated
/// from the key set's <c>[ConfigKey]</c> attributes; <see cref="Parsed"/> holds every validated
/// value, the keys no class types (client overrides, converter settings) too.
/// </summary>
[TypedConfigKeys(typeof(ConnectorConfigDefinition))]
public abstract partial class ConnectorConfigBase
{
    /// <summary>The validated values, including keys this class does not type (such as client overrides).</summary>
    public ParsedConfig Parsed { get; }

    /// <summary>Every key and value, secrets shown as [hidden]: safe to log.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        AppendValues(text);
        return text.ToString();
    }
}
