using KConnector.Plugins;

namespace KConnector.Configuration.Framework;

/// <summary>
/// The keys a source connector adds to <see cref="ConnectorConfigDefinition"/>: Kafka Connect's
/// <c>SourceConnectorConfig</c>, its exactly-once keys (KIP-618; read by
/// <see cref="Distributed.ExactlyOnce.ExactlyOnceSourceSettings"/>, in effect on a distributed
/// worker with <c>exactly.once.source.support=enabled</c>). Its topic-creation keys
/// (<c>topic.creation.groups</c>) are not supported, and a spec giving them is refused rather than ignored.
/// </summary>
[ConfigKeySet(ConfigKeyScope.SourceConnector)]
[ConfigKey(
    "exactly.once.support",
    ConfigType.String,
    Default = "requested",
    Importance = ConfigImportance.Medium,
    Group = "Exactly Once Support",
    AllowedValues = ["requested", "required"],
    Documentation = "Permitted values are requested, required. If set to 'required', forces a preflight check for the connector to ensure that it can provide exactly-once semantics with the given configuration. Some connectors may be capable of providing exactly-once semantics but not signal to Connect that they support this; in that case, documentation for the connector should be consulted carefully before creating it, and the value for this property should be set to 'requested'. Additionally, if the value is set to 'required' but the worker that performs preflight validation does not have exactly-once support enabled for source connectors, requests to create or validate the connector will fail."
)]
[ConfigKey(
    "transaction.boundary",
    ConfigType.String,
    Default = "poll",
    Importance = ConfigImportance.Medium,
    Group = "Exactly Once Support",
    AllowedValues = ["poll", "interval", "connector"],
    Documentation = "Permitted values are: poll, interval, connector. If set to 'poll', a new producer transaction will be started and committed for every batch of records that each task from this connector provides to Connect. If set to 'connector', relies on connector-defined transaction boundaries; note that not all connectors are capable of defining their own transaction boundaries, and in that case, attempts to instantiate a connector with this value will fail. Finally, if set to 'interval', commits transactions only after a user-defined time interval has passed."
)]
[ConfigKey(
    "transaction.boundary.interval.ms",
    ConfigType.Long,
    Importance = ConfigImportance.Low,
    Group = "Exactly Once Support",
    Min = 0,
    Documentation = "If 'transaction.boundary' is set to 'interval', determines the interval for producer transaction commits by connector tasks. If unset, defaults to the value of the worker-level 'offset.flush.interval.ms' property. It has no effect if a different transaction.boundary is specified."
)]
[ConfigKey(
    "offsets.storage.topic",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = "Exactly Once Support",
    Documentation = "The name of a separate offsets topic to use for this connector. If empty or not specified, the worker's global offsets topic name will be used. Only applicable in distributed mode; in standalone mode, setting this property will have no effect."
)]
public static partial class SourceConnectorConfigDefinition;
