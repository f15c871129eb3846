using KConnector.Plugins;

namespace KConnector.Configuration.Framework;

/// <summary>
/// The keys every connector has: Kafka Connect's <c>ConnectorConfig</c> (names, meanings and
/// defaults), plus the dead-letter keys Kafka Connect gives sinks only (KConnector gives sources a
/// dead-letter queue too) and the cluster a spec may name (a spec is the whole program). A converter's
/// settings (<c>value.converter.schema.registry.url</c>) are its own descriptor's keys, not these.
/// The generator checks specs against these attributes; <c>Definition</c> is generated from them.
/// </summary>
[ConfigKeySet(ConfigKeyScope.Connector)]
[ConfigKey(
    NameKey,
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = Groups.Common,
    Documentation = "Globally unique name to use for this connector."
)]
[ConfigKey(
    "connector.class",
    ConfigType.String,
    Importance = ConfigImportance.High,
    Group = Groups.Common,
    Documentation = "Name or alias of the class for this connector."
)]
[ConfigKey(
    TasksMaxKey,
    ConfigType.Int,
    Default = "1",
    Importance = ConfigImportance.High,
    Group = Groups.Common,
    Min = 1,
    Documentation = "Maximum number of tasks to use for this connector."
)]
[ConfigKey(
    Worker.ConnectorConfig.BootstrapServersKey,
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Group = Groups.Common,
    Documentation = "Kafka brokers (host:port, comma-separated). Empty: an embedded, non-durable cluster in the process (KConnector)."
)]
[ConfigKey(
    "key.converter",
    ConfigType.String,
    Importance = ConfigImportance.Low,
    Group = Groups.Converters,
    Documentation = "Converter class used to convert between the connector's key type and the serialized form written to Kafka."
)]
[ConfigKey(
    "value.converter",
    ConfigType.String,
    Importance = ConfigImportance.Low,
    Group = Groups.Converters,
    Documentation = "Converter class used to convert between the connector's value type and the serialized form written to Kafka."
)]
[ConfigKey(
    HeaderConverterKey,
    ConfigType.String,
    Default = "org.apache.kafka.connect.storage.SimpleHeaderConverter",
    Importance = ConfigImportance.Low,
    Group = Groups.Converters,
    Documentation = "Header converter: how header values are written to Kafka and read back, independent of the key and value converters. The default SimpleHeaderConverter writes a value's string form and infers its type when reading; the StringConverter and ByteArrayConverter are header converters too (class name or alias)."
)]
[ConfigKey(
    "transforms",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = Groups.Transforms,
    Documentation = "Aliases for the transformations to be applied to records, in order; each alias has transforms.<alias>.type and the transformation's own keys (docs/transforms.md)."
)]
[ConfigKey(
    "predicates",
    ConfigType.List,
    Default = "",
    Importance = ConfigImportance.Low,
    Group = Groups.Transforms,
    Documentation = "Aliases for the predicates used by transformations; each alias has predicates.<alias>.type and the predicate's own keys."
)]
[ConfigKey(
    ErrorsRetryTimeoutKey,
    ConfigType.Long,
    Default = "0",
    Group = Groups.ErrorHandling,
    Min = -1,
    Documentation = "Maximum duration in milliseconds that a failed operation will be reattempted; 0 for no retries, -1 for infinite retries."
)]
[ConfigKey(
    ErrorsRetryDelayMaxMsKey,
    ConfigType.Long,
    Default = "60000",
    Group = Groups.ErrorHandling,
    Min = 1,
    Documentation = "Maximum duration in milliseconds between consecutive retry attempts."
)]
[ConfigKey(
    ErrorsDependencyTimeoutMsKey,
    ConfigType.Long,
    Default = "300000",
    Group = Groups.ErrorHandling,
    Min = -1,
    Documentation = "KConnector: maximum duration in milliseconds that a record waits for a dependency that cannot be reached (the Schema Registry) before the task fails; the record is kept, never dead-lettered. -1 waits for ever."
)]
[ConfigKey(
    ConnectorConfigDefinition.ErrorsToleranceKey,
    ConfigType.String,
    Default = "none",
    Group = Groups.ErrorHandling,
    AllowedValues = ["none", "all"],
    Documentation = "Behavior for tolerating errors during connector operation. 'none' fails the task at the first error; 'all' skips problematic records."
)]
[ConfigKey(
    ErrorsLogEnableKey,
    ConfigType.Boolean,
    Default = "false",
    Group = Groups.ErrorHandling,
    Documentation = "Whether to log errors, failed operations and problematic records."
)]
[ConfigKey(
    ErrorsLogIncludeMessagesKey,
    ConfigType.Boolean,
    Default = "false",
    Group = Groups.ErrorHandling,
    Documentation = "Whether to include in the log the record that caused a failure (never its secret config)."
)]
[ConfigKey(
    ErrorsDeadLetterQueueTopicNameKey,
    ConfigType.String,
    Default = "",
    Group = Groups.ErrorHandling,
    Documentation = "Topic to use as the dead letter queue; empty for none. Needs errors.tolerance=all. KConnector also gives sources a dead letter queue."
)]
// Kafka Connect defines it as a SHORT with no validator and creates the topic with it, where -1 asks
// for the broker's default (KIP-464): the short's range from -1 up, without 0, which no broker takes.
[ConfigKey(
    ErrorsDeadLetterQueueTopicReplicationFactorKey,
    ConfigType.Int,
    Default = "3",
    Group = Groups.ErrorHandling,
    Min = -1,
    Max = short.MaxValue,
    Pattern = "-1|[1-9][0-9]*",
    Documentation = "Replication factor used to create the dead letter queue topic when it doesn't already exist; -1 for the broker's default."
)]
[ConfigKey(
    ErrorsDeadLetterQueueContextHeadersEnableKey,
    ConfigType.Boolean,
    Default = "false",
    Group = Groups.ErrorHandling,
    Documentation = "Whether to add __connect.errors.* headers with the error context to dead letter records."
)]
// Beyond Kafka Connect (issue 14): a failed task restarts by itself only when asked, so that the
// default keeps Connect's semantics (FAILED until an operator restarts it).
[ConfigKey(
    TaskRestartAutoEnableKey,
    ConfigType.Boolean,
    Default = "false",
    Group = Groups.TaskRestart,
    Documentation = "KConnector: whether a FAILED task is restarted automatically, after a backoff (Kafka Connect leaves it FAILED until restarted over REST)."
)]
[ConfigKey(
    TaskRestartMaxAttemptsKey,
    ConfigType.Int,
    Default = "5",
    Group = Groups.TaskRestart,
    Min = 1,
    Documentation = "KConnector: automatic restarts of a task in a row before it stays FAILED with its trace; a restart by hand starts the count again."
)]
[ConfigKey(
    TaskRestartBackoffInitialMsKey,
    ConfigType.Long,
    Default = "1000",
    Group = Groups.TaskRestart,
    Min = 0,
    Documentation = "KConnector: the wait before the first automatic restart; it doubles for each further one."
)]
[ConfigKey(
    TaskRestartBackoffMaxMsKey,
    ConfigType.Long,
    Default = "60000",
    Group = Groups.TaskRestart,
    Min = 0,
    Documentation = "KConnector: the longest wait before an automatic restart."
)]
public static partial class ConnectorConfigDefinition
{
    /// <summary>
    /// The framework keys of a sink connector of class <paramref name="connectorClass"/>: these and
    /// <see cref="SinkConnectorConfigDefinition"/>'s (Kafka Connect's <c>SinkConnectorConfig.configDef()</c>),
    /// <c>connector.class</c> defaulting to the class. A connector's definition extends it with its own keys.
    /// </summary>
    public static ConfigDefinition ForSink(string connectorClass) =>
        ForConnector(connectorClass, SinkConnectorConfigDefinition.Definition);

    /// <summary>
    /// The framework keys of a source connector of class <paramref name="connectorClass"/>: these and
    /// <see cref="SourceConnectorConfigDefinition"/>'s (Kafka Connect's <c>SourceConnectorConfig</c>),
    /// <c>connector.class</c> defaulting to the class.
    /// </summary>
    public static ConfigDefinition ForSource(string connectorClass) =>
        ForConnector(connectorClass, SourceConnectorConfigDefinition.Definition);

    private static ConfigDefinition ForConnector(string connectorClass, ConfigDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(connectorClass);
        return Definition
            .ForClass(connectorClass)
            .Extend(kind.Keys)
            .Override("connector.class", key => key with { DefaultValue = connectorClass });
    }

    /// <summary>The groups keys are shown under, as Kafka Connect names them.</summary>
    internal static class Groups
    {
        public const string Common = "Common";
        public const string Converters = "Converters";
        public const string Transforms = "Transforms";
        public const string ErrorHandling = "Error Handling";
        public const string TaskRestart = "Task Restart";
    }
}
