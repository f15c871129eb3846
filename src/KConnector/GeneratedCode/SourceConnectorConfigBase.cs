using KConnector.Configuration.Framework;

namespace KConnector.GeneratedCode;

/// <summary>
/// A source connector's framework keys, typed: <see cref="ConnectorConfigBase"/>'s and
/// <see cref="SourceConnectorConfigDefinition"/>'s (Kafka Connect's <c>SourceConnectorConfig</c>:
/// the exactly-once keys of KIP-618). The generated config of every source connector extends it.
/// </summary>
[TypedConfigKeys(typeof(SourceConnectorConfigDefinition))]
public abstract partial class SourceConnectorConfigBase : ConnectorConfigBase;
