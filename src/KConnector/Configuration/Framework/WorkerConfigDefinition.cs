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
// The REST API's keys (Kafka Connect's RestServerConfig). Connect binds every interface by default
// (http://:8083); KConnector binds the loopback only, so that a worker is not open to the network
// until asked (docs/rest-api.md).
[ConfigKey(
    "listeners",
    ConfigType.List,
    Default = "http://127.0.0.1:8083",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "List of comma-separated URIs the REST API will listen on (http:// or https://; port 0 picks a free port). Empty serves no REST API. KConnector binds 127.0.0.1 by default; Kafka Connect binds every interface."
)]
[ConfigKey(
    "listeners.https.ssl.keystore.location",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Worker",
    Documentation = "The certificate and private key of the https:// listeners: a PKCS#12 (.pfx/.p12) file, or a PEM file holding both."
)]
[ConfigKey(
    "listeners.https.ssl.keystore.password",
    ConfigType.Password,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Worker",
    Documentation = "The password of the https:// listeners' key store (PKCS#12) or of its encrypted PEM key."
)]
[ConfigKey(
    "rest.basic.auth.users.file",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Medium,
    Group = "Worker",
    Documentation = "KConnector: a properties file of 'user: password' lines (the file Kafka Connect's BasicAuthSecurityRestExtension reads through its PropertyFileLoginModule). When set, every REST endpoint answers 401 without valid credentials."
)]
[ConfigKey(
    "config.storage.file.filename",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = "Worker",
    Documentation = "KConnector's standalone worker: the file that keeps the connectors created over REST (config and target state), so that they survive a restart. Empty: they live as long as the process, as in Kafka Connect's standalone mode."
)]
// Kafka Connect's topic tracking (KIP-558): the topics each connector used, answered by
// GET /connectors/{name}/topics and cleared by PUT .../topics/reset.
[ConfigKey(
    "topic.tracking.enable",
    ConfigType.Boolean,
    Default = "true",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "Enable tracking the set of active topics per connector during runtime."
)]
[ConfigKey(
    "topic.tracking.allow.reset",
    ConfigType.Boolean,
    Default = "true",
    Importance = ConfigImportance.Low,
    Group = "Worker",
    Documentation = "If set to true, it allows user requests to reset the set of active topics per connector."
)]
// Metrics export (docs/metrics.md). Kafka Connect reports through JMX and metrics.reporters;
// KConnector exports the same metric names through OpenTelemetry, turned on by these keys.
[ConfigKey(
    "metrics.prometheus.enable",
    ConfigType.Boolean,
    Default = "false",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    Documentation = "KConnector: serve the worker's metrics (Kafka Connect's names, dashes as underscores) in Prometheus' text format at /metrics on the REST API's listeners."
)]
[ConfigKey(
    "metrics.otlp.endpoint",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    Documentation = "KConnector: an OpenTelemetry collector to push the worker's metrics to over OTLP, e.g. http://127.0.0.1:4317 (grpc) or http://127.0.0.1:4318/v1/metrics (http/protobuf). Empty: no OTLP export."
)]
[ConfigKey(
    "metrics.otlp.protocol",
    ConfigType.String,
    Default = "grpc",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    AllowedValues = ["grpc", "http/protobuf"],
    Documentation = "KConnector: the OTLP transport, as OTEL_EXPORTER_OTLP_PROTOCOL names it."
)]
[ConfigKey(
    "metrics.otlp.export.interval.ms",
    ConfigType.Long,
    Default = "60000",
    Importance = ConfigImportance.Low,
    Group = "Metrics",
    Min = 1,
    Documentation = "KConnector: how often the metrics are pushed over OTLP (OpenTelemetry's periodic reader; its default)."
)]
public static partial class WorkerConfigDefinition;
