using KConnector.Plugins;

namespace KConnector.Configuration.Framework;

/// <summary>
/// The worker's own keys that KConnector reads: Kafka Connect's <c>WorkerConfig</c> and
/// <c>StandaloneConfig</c>. Not a connector's keys: a spec does not take them (the host's
/// configuration or <c>kconnector run</c> does).
/// </summary>
[ConfigKeySet(ConfigKeyScope.Worker)]
[ConfigKey(
    "offset.flush.interval.ms",
    ConfigType.Long,
    Default = "60000",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Min = 0,
    Documentation = "Interval at which to try committing offsets for tasks."
)]
[ConfigKey(
    "offset.flush.timeout.ms",
    ConfigType.Long,
    Default = "5000",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Min = 1,
    Documentation = "Maximum number of milliseconds to wait for records to flush and partition offset data to be committed to offset storage before cancelling the process."
)]
[ConfigKey(
    "offset.storage.file.filename",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Worker",
    Documentation = "The file to store source connector offsets in (standalone mode)."
)]
[ConfigKey(
    "offset.storage.topic",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Worker",
    Documentation = "The name of the Kafka topic where source connector offsets are stored."
)]
public static partial class WorkerConfigDefinition;
