using KConnector.Plugins;
using KConnector.Worker;

namespace KConnector.Configuration.Framework;

/// <summary>
/// The worker's own keys that KConnector reads: Kafka Connect's <c>WorkerConfig</c> and
/// <c>StandaloneConfig</c>. Not a connector's keys: a spec does not take them (the host's
/// configuration or <c>kconnector run</c> does).
/// </summary>
[ConfigKeySet(ConfigKeyScope.Worker)]
[ConfigKey(
    ConnectorConfig.OffsetFlushIntervalKey,
    ConfigType.Long,
    Default = "60000",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Min = 0,
    Documentation = "Interval at which to try committing offsets for tasks."
)]
[ConfigKey(
    ConnectorConfig.OffsetFlushTimeoutKey,
    ConfigType.Long,
    Default = "5000",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Min = 1,
    Documentation = "Maximum number of milliseconds to wait for records to flush and partition offset data to be committed to offset storage before cancelling the process."
)]
[ConfigKey(
    ConnectorConfig.OffsetStorageFileNameKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Worker",
    Documentation = "The file to store source connector offsets in (standalone mode)."
)]
[ConfigKey(
    ConnectorConfig.OffsetStorageTopicKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Worker",
    Documentation = "The name of the Kafka topic where source connector offsets are stored."
)]
// Distributed mode (Kafka Connect's DistributedConfig): a worker with a group.id shares its
// connectors and tasks with the other workers of the group, through three Kafka topics
// (docs/distributed.md). Names, defaults and meanings are Connect's.
[ConfigKey(
    "group.id",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    Documentation = "A unique string that identifies the Connect cluster group this worker belongs to. Set, the worker runs in distributed mode (docs/distributed.md)."
)]
// Exactly-once sources (KIP-618), docs/distributed.md "Exactly-once sources".
[ConfigKey(
    "exactly.once.source.support",
    ConfigType.String,
    Default = "disabled",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    AllowedValues = ["disabled", "preparing", "enabled"],
    Documentation = "Whether to enable exactly-once support for source connectors in the cluster by using transactions to write source records and their source offsets, and by proactively fencing out old task generations before bringing up new ones. To enable exactly-once source support on a new cluster, set this property to 'enabled'. To enable support on an existing cluster, first set to 'preparing' on every worker in the cluster, then set to 'enabled'. A rolling upgrade may be used for both changes (distributed mode only)."
)]
[ConfigKey(
    "config.storage.topic",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    Documentation = "The name of the Kafka topic where connector configurations are stored (distributed mode; one partition)."
)]
[ConfigKey(
    "config.storage.replication.factor",
    ConfigType.Int,
    Default = "3",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Documentation = "Replication factor used when creating the configuration storage topic."
)]
[ConfigKey(
    "offset.storage.replication.factor",
    ConfigType.Int,
    Default = "3",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Documentation = "Replication factor used when creating the offset storage topic."
)]
[ConfigKey(
    "offset.storage.partitions",
    ConfigType.Int,
    Default = "25",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Min = 1,
    Documentation = "The number of partitions used when creating the offset storage topic. KConnector's workers also join their group over this topic's partitions, so at most this many workers run work at once (docs/distributed.md)."
)]
[ConfigKey(
    "status.storage.topic",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    Documentation = "The name of the Kafka topic where connector and task status are stored (distributed mode)."
)]
[ConfigKey(
    "status.storage.replication.factor",
    ConfigType.Int,
    Default = "3",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Documentation = "Replication factor used when creating the status storage topic."
)]
[ConfigKey(
    "status.storage.partitions",
    ConfigType.Int,
    Default = "5",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Min = 1,
    Documentation = "The number of partitions used when creating the status storage topic."
)]
[ConfigKey(
    "scheduled.rebalance.max.delay.ms",
    ConfigType.Int,
    Default = "300000",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Min = 0,
    Documentation = "The maximum delay that is scheduled in order to wait for the return of one or more departed workers before rebalancing and reassigning their connectors and tasks to the group."
)]
[ConfigKey(
    "heartbeat.interval.ms",
    ConfigType.Int,
    Default = "3000",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    Min = 1,
    Documentation = "The expected time between heartbeats to the group coordinator when using Kafka's group management facilities."
)]
[ConfigKey(
    "session.timeout.ms",
    ConfigType.Int,
    Default = "10000",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    Min = 1,
    Documentation = "The timeout used to detect worker failures: a worker that sends no heartbeat within it is removed from the group and a rebalance begins."
)]
[ConfigKey(
    "rebalance.timeout.ms",
    ConfigType.Int,
    Default = "60000",
    Importance = ConfigImportance.High,
    Group = "Distributed",
    Min = 1,
    Documentation = "The maximum allowed time for each worker to join the group once a rebalance has begun."
)]
[ConfigKey(
    "rest.advertised.host.name",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Documentation = "If this is set, this is the hostname that will be given out to other workers to connect to (and the worker id, with the port)."
)]
[ConfigKey(
    "rest.advertised.port",
    ConfigType.Int,
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Documentation = "If this is set, this is the port that will be given out to other workers to connect to."
)]
[ConfigKey(
    "rest.advertised.listener",
    ConfigType.String,
    Default = "",
    AllowedValues = ["", "http", "https", "HTTP", "HTTPS"],
    Importance = ConfigImportance.Low,
    Group = "Distributed",
    Documentation = "Sets the advertised listener (HTTP or HTTPS) which will be given to other workers to use."
)]
// The REST API's keys (Kafka Connect's RestServerConfig). Connect binds every interface by default
// (http://:8083); KConnector binds the loopback only, so that a worker is not open to the network
// until asked (docs/rest-api.md).
[ConfigKey(
    ConnectorConfig.ListenersKey,
    ConfigType.List,
    Default = "http://127.0.0.1:8083",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "List of comma-separated URIs the REST API will listen on (http:// or https://; port 0 picks a free port). Empty serves no REST API. KConnector binds 127.0.0.1 by default; Kafka Connect binds every interface."
)]
[ConfigKey(
    ConnectorConfig.ListenersKeystoreLocationKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Worker",
    Documentation = "The certificate and private key of the https:// listeners: a PKCS#12 (.pfx/.p12) file, or a PEM file holding both."
)]
[ConfigKey(
    ConnectorConfig.ListenersKeystorePasswordKey,
    ConfigType.Password,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Worker",
    Documentation = "The password of the https:// listeners' key store (PKCS#12) or of its encrypted PEM key."
)]
[ConfigKey(
    ConnectorConfig.RestBasicAuthUsersFileKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Worker",
    Documentation = "KConnector: a properties file of 'user: password' lines (the file Kafka Connect's BasicAuthSecurityRestExtension reads through its PropertyFileLoginModule). When set, every REST endpoint answers 401 without valid credentials."
)]
[ConfigKey(
    ConnectorConfig.ConfigStorageFileNameKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Worker",
    Documentation = "KConnector's standalone worker: the file that keeps the connectors created over REST (config and target state), so that they survive a restart. Empty: they live as long as the process, as in Kafka Connect's standalone mode."
)]
// Kafka Connect's topic tracking (KIP-558): the topics each connector used, answered by
// GET /connectors/{name}/topics and cleared by PUT .../topics/reset.
[ConfigKey(
    ConnectorConfig.TopicTrackingEnableKey,
    ConfigType.Boolean,
    Default = "true",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "Enable tracking the set of active topics per connector during runtime."
)]
[ConfigKey(
    ConnectorConfig.TopicTrackingAllowResetKey,
    ConfigType.Boolean,
    Default = "true",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "If set to true, it allows user requests to reset the set of active topics per connector."
)]
// Config providers (Kafka's AbstractConfig.CONFIG_PROVIDERS_CONFIG, KIP-297): each name also takes
// config.providers.<name>.class and config.providers.<name>.param.<p> (WorkerConfigProviders).
[ConfigKey(
    "config.providers",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "Comma-separated names of ConfigProvider classes, loaded and used in the order specified. Implementing the interface ConfigProvider allows you to replace variable references in connector configurations, such as for externalized secrets. Each name takes config.providers.<name>.class and config.providers.<name>.param.<parameter>. KConnector: when not set, env (EnvVarConfigProvider) and file (FileConfigProvider) are available; set empty for none, as Kafka Connect has."
)]
// Kafka Connect's WorkerConfig.PLUGIN_PATH_CONFIG: the plugins (folders of .NET assemblies) the
// worker compiles specs against and loads, each in its own context (KConnector.Compiler's PluginPath).
[ConfigKey(
    "plugin.path",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "List of paths separated by commas (,) that contain plugins (connectors, converters, transformations, predicates). Each entry is a directory that either holds the .NET assemblies (.dll) of one plugin and its dependencies (a NuGet package's lib/net10.0 folder, a dotnet build or publish output) or holds such plugin directories, one per subdirectory. Each plugin's assemblies load in a context of their own; KConnector, Confluent.Kafka and the .NET framework are the worker's. Read by kconnector run, validate, describe and distributed, and by a hosted worker's REST connector factory. Do not use config provider variables in this property, since the raw path is used by the worker's scanner before config providers are initialized and used to replace variables."
)]
// Metrics export (docs/metrics.md). Kafka Connect reports through JMX and metrics.reporters;
// KConnector exports the same metric names through OpenTelemetry, turned on by these keys.
[ConfigKey(
    ConnectorConfig.MetricsPrometheusEnableKey,
    ConfigType.Boolean,
    Default = "false",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    Documentation = "KConnector: serve the worker's metrics (Kafka Connect's names, dashes as underscores) in Prometheus' text format at /metrics on the REST API's listeners."
)]
[ConfigKey(
    ConnectorConfig.MetricsOtlpEndpointKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    Documentation = "KConnector: an OpenTelemetry collector to push the worker's metrics to over OTLP, e.g. http://127.0.0.1:4317 (grpc) or http://127.0.0.1:4318/v1/metrics (http/protobuf). Empty: no OTLP export."
)]
[ConfigKey(
    ConnectorConfig.MetricsOtlpProtocolKey,
    ConfigType.String,
    Default = "grpc",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    AllowedValues = ["grpc", "http/protobuf"],
    Documentation = "KConnector: the OTLP transport, as OTEL_EXPORTER_OTLP_PROTOCOL names it."
)]
[ConfigKey(
    ConnectorConfig.MetricsOtlpExportIntervalKey,
    ConfigType.Long,
    Default = "60000",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    Min = 1,
    Documentation = "KConnector: how often the metrics are pushed over OTLP (OpenTelemetry's periodic reader; its default)."
)]
public static partial class WorkerConfigDefinition;
