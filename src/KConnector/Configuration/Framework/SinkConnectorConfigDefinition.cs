using KConnector.Plugins;

namespace KConnector.Configuration.Framework;

/// <summary>
/// The keys a sink connector adds to <see cref="ConnectorConfigDefinition"/>: Kafka Connect's
/// <c>SinkConnectorConfig</c> (<c>topics</c>, <c>topics.regex</c>; exactly one of them).
/// </summary>
[ConfigKeySet(ConfigKeyScope.SinkConnector)]
[ConfigKey(
    TopicsKey,
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.High,
    Group = ConnectorConfigDefinition.Groups.Common,
    Documentation = "List of topics to consume, separated by commas."
)]
[ConfigKey(
    TopicsRegexKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = ConnectorConfigDefinition.Groups.Common,
    Documentation = "Regular expression giving topics to consume. Only one of topics or topics.regex should be specified."
)]
public static partial class SinkConnectorConfigDefinition;
