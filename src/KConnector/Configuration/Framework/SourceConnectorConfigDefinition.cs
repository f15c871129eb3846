using KConnector.Plugins;

namespace KConnector.Configuration.Framework;

/// <summary>
/// The keys a source connector adds to <see cref="ConnectorConfigDefinition"/>: Kafka Connect's
/// <c>SourceConnectorConfig</c>. None yet: its topic-creation and exactly-once keys
/// (<c>topic.creation.groups</c>, <c>exactly.once.support</c>, <c>transaction.boundary</c>) are not
/// supported, and a spec giving them is refused rather than ignored.
/// </summary>
[ConfigKeySet(ConfigKeyScope.SourceConnector)]
public static partial class SourceConnectorConfigDefinition;
