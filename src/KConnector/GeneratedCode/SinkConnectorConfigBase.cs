using KConnector.Configuration.Framework;

namespace KConnector.GeneratedCode;

/// <summary>
/// A sink connector's framework keys, typed: <see cref="ConnectorConfigBase"/>'s and
/// <see cref="SinkConnectorConfigDefinition"/>'s (Kafka Connect's <c>SinkConnectorConfig</c>:
/// <c>topics</c>, <c>topics.regex</c>). The generated config of every sink connector extends it.
/// </summary>
[TypedConfigKeys(typeof(SinkConnectorConfigDefinition))]
public abstract partial class SinkConnectorConfigBase : ConnectorConfigBase;
