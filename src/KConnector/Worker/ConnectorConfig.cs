using System.Globalization;
using System.Text.RegularExpressions;
using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.Converters;
using KConnector.Converters.Plugins;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Errors;
using KConnector.Offsets;
using KConnector.Transforms;
using Microsoft.Extensions.Configuration;

namespace KConnector.Worker;

/// <summary>
/// A connector's settings under Kafka Connect's keys, with its defaults, parsed and validated:
/// every error names the key at fault (and, for an enumeration, the allowed values). Keys that are
/// not the worker's own are kept: <c>producer.*</c> and <c>consumer.*</c> go to the Kafka clients
/// with the prefix removed, everything else is the connector's own (<see cref="Settings"/>).
/// </summary>
public sealed record ConnectorConfig
{
    /// <summary><c>offset.storage.file.filename</c>: the standalone worker's source offsets file.</summary>
    public const string OffsetStorageFileNameKey = "offset.storage.file.filename";

    /// <summary><c>offset.storage.topic</c>: the source offsets topic.</summary>
    public const string OffsetStorageTopicKey = "offset.storage.topic";

    /// <summary><c>offset.flush.interval.ms</c>: how often offsets are committed.</summary>
    public const string OffsetFlushIntervalKey = "offset.flush.interval.ms";

    /// <summary><c>offset.flush.timeout.ms</c>: how long one commit may wait.</summary>
    public const string OffsetFlushTimeoutKey = "offset.flush.timeout.ms";

    /// <summary><c>bootstrap.servers</c>: the Kafka cluster.</summary>
    public const string BootstrapServersKey = "bootstrap.servers";

    /// <summary><c>listeners</c>: the REST API's addresses (Kafka Connect's key).</summary>
    public const string ListenersKey = "listeners";

    /// <summary><c>listeners.https.ssl.keystore.location</c>: the https:// listeners' certificate and key.</summary>
    public const string ListenersKeystoreLocationKey = "listeners.https.ssl.keystore.location";

    /// <summary><c>listeners.https.ssl.keystore.password</c>: its password.</summary>
    public const string ListenersKeystorePasswordKey = "listeners.https.ssl.keystore.password";

    /// <summary><c>rest.basic.auth.users.file</c>: the REST API's basic-auth users.</summary>
    public const string RestBasicAuthUsersFileKey = "rest.basic.auth.users.file";

    /// <summary><c>config.storage.file.filename</c>: where a standalone worker keeps connectors created over REST.</summary>
    public const string ConfigStorageFileNameKey = "config.storage.file.filename";

    /// <summary><c>topic.tracking.enable</c>: track the topics each connector uses (KIP-558).</summary>
    public const string TopicTrackingEnableKey = "topic.tracking.enable";

    /// <summary><c>topic.tracking.allow.reset</c>: allow <c>PUT /connectors/{name}/topics/reset</c>.</summary>
    public const string TopicTrackingAllowResetKey = "topic.tracking.allow.reset";

    /// <summary><c>metrics.prometheus.enable</c>: serve <c>/metrics</c> on the REST listeners.</summary>
    public const string MetricsPrometheusEnableKey = "metrics.prometheus.enable";

    /// <summary><c>metrics.otlp.endpoint</c>: push metrics over OTLP to this collector.</summary>
    public const string MetricsOtlpEndpointKey = "metrics.otlp.endpoint";

    /// <summary><c>metrics.otlp.protocol</c>: <c>grpc</c> or <c>http/protobuf</c>.</summary>
    public const string MetricsOtlpProtocolKey = "metrics.otlp.protocol";

    /// <summary><c>metrics.otlp.export.interval.ms</c>: how often OTLP pushes.</summary>
    public const string MetricsOtlpExportIntervalKey = "metrics.otlp.export.interval.ms";

    /// <summary>
    /// Kafka Connect's <c>WorkerConfig</c> / <c>StandaloneConfig</c> keys this worker reads; with
    /// the clients' <c>producer.*</c> and <c>consumer.*</c> they are a worker's, not a connector's.
    /// </summary>
    public static IReadOnlyList<string> WorkerKeyNames { get; } =
    // bootstrap.servers is both: a worker's key in Kafka Connect and a connector's in KConnector (its
    // own cluster), so ConnectorConfigDefinition defines it; the rest are WorkerConfigDefinition's.
    [
        BootstrapServersKey,
        .. Configuration.Framework.WorkerConfigDefinition.Definition.Keys.Select(k => k.Name),
    ];

    /// <summary>
    /// Whether <paramref name="key"/> is a worker's key (Kafka Connect's <c>WorkerConfig</c>):
    /// <c>bootstrap.servers</c>, <c>offset.storage.file.filename</c>, <c>offset.storage.topic</c>,
    /// <c>offset.flush.interval.ms</c>, <c>offset.flush.timeout.ms</c>, and the clients'
    /// <c>producer.*</c> / <c>consumer.*</c> (a connector's own overrides are
    /// <c>producer.override.*</c> / <c>consumer.override.*</c>).
    /// </summary>
    public static bool IsWorkerKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (
            WorkerKeyNames.Contains(key, StringComparer.Ordinal)
            || Configuration.Providers.WorkerConfigProviders.IsProviderKey(key)
        )
        {
            return true;
        }
        foreach (var prefix in (string[])["producer.", "consumer."])
        {
            if (
                key.Length > prefix.Length
                && key.StartsWith(prefix, StringComparison.Ordinal)
                && !key.StartsWith(prefix + "override.", StringComparison.Ordinal)
            )
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>name</c> (required).</summary>
    public required string Name { get; init; }

    /// <summary><c>tasks.max</c> (default 1).</summary>
    public int TasksMax { get; init; } = 1;

    /// <summary><c>topics</c>: a comma-separated list, for sinks.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary><c>topics.regex</c>, for sinks.</summary>
    public string? TopicsRegex { get; init; }

    /// <summary><c>bootstrap.servers</c>; null means the embedded cluster.</summary>
    public string? BootstrapServers { get; init; }

    /// <summary>The <c>errors.*</c> settings.</summary>
    public ErrorHandlingOptions Errors { get; init; } = ErrorHandlingOptions.Default;

    /// <summary><c>offset.storage.file.filename</c>: the standalone offsets file.</summary>
    public string? OffsetStorageFileName { get; init; }

    /// <summary><c>offset.storage.topic</c>: the offsets topic (used when no file is named).</summary>
    public string? OffsetStorageTopic { get; init; }

    /// <summary>A source's exactly-once settings (KIP-618) over the worker's.</summary>
    public ExactlyOnceSourceSettings ExactlyOnce { get; init; } = new();

    /// <summary><c>offset.flush.interval.ms</c> (default 60000, as Kafka Connect).</summary>
    public TimeSpan OffsetFlushInterval { get; init; } = TimeSpan.FromMilliseconds(60_000);

    /// <summary><c>offset.flush.timeout.ms</c> (default 5000, as Kafka Connect).</summary>
    public TimeSpan OffsetFlushTimeout { get; init; } = TimeSpan.FromMilliseconds(5_000);

    /// <summary><c>consumer.max.poll.records</c> (default 500).</summary>
    public int MaxPollRecords { get; init; } = 500;

    /// <summary><c>producer.*</c> settings, prefix removed, overridden by <c>producer.override.*</c>.</summary>
    public IReadOnlyDictionary<string, string> ProducerConfig { get; init; } =
        new Dictionary<string, string>();

    /// <summary><c>consumer.*</c> settings, prefix removed, overridden by <c>consumer.override.*</c>.</summary>
    public IReadOnlyDictionary<string, string> ConsumerConfig { get; init; } =
        new Dictionary<string, string>();

    /// <summary>The <c>task.restart.*</c> settings: whether and how a failed task restarts by itself.</summary>
    public TaskRestartPolicy AutoRestart { get; init; } = TaskRestartPolicy.Off;

    /// <summary>Every setting as given, for the connector's own keys.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } =
        new Dictionary<string, string>();

    /// <summary>Parses settings from a configuration section; nested sections join with dots (<c>errors:tolerance</c> is <c>errors.tolerance</c>).</summary>
    public static ConnectorConfig FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                settings[key.Replace(':', '.')] = value;
            }
        }
        return Parse(settings);
    }

    /// <summary>The validated <c>transforms</c> and <c>predicates</c>: each task gets its own chain from them.</summary>
    public TransformationsConfig Transformations { get; init; } = TransformationsConfig.None;

    /// <summary><c>header.converter</c>: the header converter's class name or alias, or null for Kafka Connect's default (the SimpleHeaderConverter).</summary>
    public string? HeaderConverter { get; init; }

    /// <summary>Parses and validates <paramref name="settings"/>; throws a <see cref="ConfigException"/> naming the key at fault.</summary>
    /// <param name="settings">The connector's settings over its worker's.</param>
    /// <param name="connector">
    /// The connector's own validated config, whose definition carries its declarations about it
    /// (asked by the exactly-once preflight: see <see cref="ExactlyOnceSourceSettings.Parse"/>); null:
    /// the connector declares nothing.
    /// </param>
    public static ConnectorConfig Parse(
        IEnumerable<KeyValuePair<string, string>> settings,
        ParsedConfig? connector = null
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var name = Get(all, ConnectorConfigDefinition.NameKey);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigException(
                ConnectorConfigDefinition.NameKey,
                "Missing required configuration \"name\" which has no default value."
            );
        }
        var topics = (Get(all, SinkConnectorConfigDefinition.TopicsKey) ?? "").Split(
            ',',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
        );
        var regex = Get(all, SinkConnectorConfigDefinition.TopicsRegexKey);
        if (!string.IsNullOrEmpty(regex))
        {
            try
            {
                _ = new Regex(regex, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new ConfigException(
                    SinkConnectorConfigDefinition.TopicsRegexKey,
                    $"Invalid value {regex} for configuration topics.regex: {e.Message}"
                );
            }
        }
        if (topics.Length > 0 && !string.IsNullOrEmpty(regex))
        {
            throw new ConfigException(
                SinkConnectorConfigDefinition.TopicsRegexKey,
                "topics and topics.regex are mutually exclusive: set one of them."
            );
        }
        var fileName = Get(all, OffsetStorageFileNameKey);
        return new ConnectorConfig
        {
            Name = name,
            TasksMax = Int(all, ConnectorConfigDefinition.TasksMaxKey),
            Topics = topics,
            TopicsRegex = string.IsNullOrEmpty(regex) ? null : regex,
            BootstrapServers = NullIfEmpty(Get(all, BootstrapServersKey)),
            Errors = new ErrorHandlingOptions
            {
                Tolerance = Tolerance(all),
                RetryTimeout =
                    Long(all, ConnectorConfigDefinition.ErrorsRetryTimeoutKey) is var t && t == -1
                        ? Timeout.InfiniteTimeSpan
                        : TimeSpan.FromMilliseconds(t),
                RetryDelayMax = TimeSpan.FromMilliseconds(
                    Long(all, ConnectorConfigDefinition.ErrorsRetryDelayMaxMsKey)
                ),
                DependencyTimeout =
                    Long(all, ConnectorConfigDefinition.ErrorsDependencyTimeoutMsKey) is var d
                    && d == -1
                        ? Timeout.InfiniteTimeSpan
                        : TimeSpan.FromMilliseconds(d),
                LogEnable = Bool(all, ConnectorConfigDefinition.ErrorsLogEnableKey),
                LogIncludeMessages = Bool(
                    all,
                    ConnectorConfigDefinition.ErrorsLogIncludeMessagesKey
                ),
                DeadLetterQueueTopicName = NullIfEmpty(
                    Get(all, ConnectorConfigDefinition.ErrorsDeadLetterQueueTopicNameKey)
                ),
                DeadLetterQueueTopicReplicationFactor = ReplicationFactor(all),
                DeadLetterQueueContextHeadersEnable = Bool(
                    all,
                    ConnectorConfigDefinition.ErrorsDeadLetterQueueContextHeadersEnableKey
                ),
            },
            OffsetStorageFileName = NullIfEmpty(fileName),
            OffsetStorageTopic = NullIfEmpty(Get(all, OffsetStorageTopicKey)),
            OffsetFlushInterval = TimeSpan.FromMilliseconds(Long(all, OffsetFlushIntervalKey)),
            OffsetFlushTimeout = TimeSpan.FromMilliseconds(Long(all, OffsetFlushTimeoutKey)),
            ExactlyOnce = ExactlyOnceSourceSettings.Parse(
                all,
                TimeSpan.FromMilliseconds(Long(all, OffsetFlushIntervalKey)),
                connector
            ),
            MaxPollRecords = Int(
                all,
                all.ContainsKey("consumer.override.max.poll.records")
                    ? "consumer.override.max.poll.records"
                    : "consumer.max.poll.records",
                500,
                min: 1
            ),
            ProducerConfig = ClientConfig(all, "producer."),
            ConsumerConfig = ClientConfig(all, "consumer."),
            Transformations = TransformationsConfig.Parse(all),
            HeaderConverter = HeaderConverterOf(all),
            Settings = all,
            AutoRestart = new TaskRestartPolicy(
                Bool(all, ConnectorConfigDefinition.TaskRestartAutoEnableKey),
                Int(all, ConnectorConfigDefinition.TaskRestartMaxAttemptsKey),
                TimeSpan.FromMilliseconds(
                    Long(all, ConnectorConfigDefinition.TaskRestartBackoffInitialMsKey)
                ),
                TimeSpan.FromMilliseconds(
                    Long(all, ConnectorConfigDefinition.TaskRestartBackoffMaxMsKey)
                )
            ),
        };
    }

    /// <summary>
    /// Checks what a sink needs: exactly one of <c>topics</c> and <c>topics.regex</c>, and a
    /// dead-letter topic that is not one of the topics it reads (Kafka Connect's
    /// <c>SinkConnectorConfig.validate</c>).
    /// </summary>
    public void ValidateSink()
    {
        if (Topics.Count == 0 && TopicsRegex is null)
        {
            throw new ConfigException(
                SinkConnectorConfigDefinition.TopicsKey,
                "A sink connector must configure one of topics or topics.regex."
            );
        }
        if (
            Errors.DeadLetterQueueTopicName is { } dlq
            && Topics.Contains(dlq, StringComparer.Ordinal)
        )
        {
            throw new ConfigException(
                ConnectorConfigDefinition.ErrorsDeadLetterQueueTopicNameKey,
                $"The dead-letter queue topic '{dlq}' may not be included in the list of topics ('topics') the sink reads."
            );
        }
    }

    /// <summary>The runner options of task <paramref name="taskId"/>, on <paramref name="bootstrapServers"/> (the embedded cluster's when none is configured).</summary>
    public WorkerOptions ToWorkerOptions(
        int taskId,
        string bootstrapServers,
        bool isSink,
        IOffsetBackingStore? offsetStore = null
    ) =>
        new()
        {
            Name = Name,
            BootstrapServers = bootstrapServers,
            TaskId = taskId,
            TasksMax = TasksMax,
            Topics = Topics,
            TopicsRegex = TopicsRegex,
            MaxPollRecords = MaxPollRecords,
            ClientConfig = isSink ? ConsumerConfig : ProducerConfig,
            Errors = Errors,
            OffsetFlushInterval = OffsetFlushInterval,
            OffsetFlushTimeout = OffsetFlushTimeout,
            OffsetStore = offsetStore,
            Transformations = Transformations.CreateChain(),
            HeaderConverter = ConverterFactory.CreateHeaderConverter(HeaderConverter),
            ExactlyOnce = !isSink && ExactlyOnce.Transactional ? ExactlyOnce : null,
        };

    // Refused at parse (validate, start) rather than when the first task is created.
    private static string? HeaderConverterOf(Dictionary<string, string> all)
    {
        var name = NullIfEmpty(Get(all, ConnectorConfigDefinition.HeaderConverterKey));
        if (name is not null && ConverterPlugins.FindHeaderConverter(name) is null)
        {
            throw new ConfigException(
                ConnectorConfigDefinition.HeaderConverterKey,
                ConverterFactory.HeaderConverterError(name)
            );
        }
        return name;
    }

    private static string? Get(Dictionary<string, string> all, string key) =>
        all.TryGetValue(key, out var value) ? value.Trim() : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ErrorTolerance Tolerance(Dictionary<string, string> all) =>
        Get(all, ConnectorConfigDefinition.ErrorsToleranceKey)?.ToLowerInvariant() switch
        {
            null or "none" => ErrorTolerance.None,
            "all" => ErrorTolerance.All,
            _ => throw new ConfigException(
                ConnectorConfigDefinition.ErrorsToleranceKey,
                $"Invalid value {all[ConnectorConfigDefinition.ErrorsToleranceKey]} for configuration errors.tolerance: String must be one of: none, all"
            ),
        };

    private static short ReplicationFactor(Dictionary<string, string> all)
    {
        var value = Long(
            all,
            ConnectorConfigDefinition.ErrorsDeadLetterQueueTopicReplicationFactorKey
        );
        if (value == 0 || value > short.MaxValue)
        {
            throw new ConfigException(
                ConnectorConfigDefinition.ErrorsDeadLetterQueueTopicReplicationFactorKey,
                $"Invalid value {value} for configuration errors.deadletterqueue.topic.replication.factor: must be -1 (the broker's default) or at least 1."
            );
        }
        return (short)value;
    }

    private static bool Bool(Dictionary<string, string> all, string key, bool fallback) =>
        Get(all, key)?.ToLowerInvariant() switch
        {
            null or "" => fallback,
            "true" => true,
            "false" => false,
            _ => throw new ConfigException(
                key,
                $"Invalid value {all[key]} for configuration {key}: Expected value to be either true or false"
            ),
        };

    private static int Int(Dictionary<string, string> all, string key, int fallback, int min) =>
        (int)Math.Min(Long(all, key, fallback, min), int.MaxValue);

    // A framework key's default and lower bound, read from its one definition
    // (ConnectorConfigDefinition, WorkerConfigDefinition) rather than written here again; this
    // parser keeps only Kafka Connect's first-error messages.
    private static Configuration.ConfigKey FrameworkKey(string key) =>
        Configuration.Framework.ConnectorConfigDefinition.Definition.Find(key)
        ?? Configuration.Framework.WorkerConfigDefinition.Definition.Find(key)
        ?? throw new InvalidOperationException($"{key} is not a framework key.");

    private static long Long(Dictionary<string, string> all, string key)
    {
        var definition = FrameworkKey(key);
        return Long(
            all,
            key,
            long.Parse(definition.DefaultValue!, CultureInfo.InvariantCulture),
            (long)(definition.Min ?? long.MinValue)
        );
    }

    private static int Int(Dictionary<string, string> all, string key) =>
        (int)Math.Min(Long(all, key), int.MaxValue);

    private static bool Bool(Dictionary<string, string> all, string key) =>
        Bool(all, key, bool.Parse(FrameworkKey(key).DefaultValue!));

    internal static long Long(Dictionary<string, string> all, string key, long fallback, long min)
    {
        var text = Get(all, key);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (
            !long.TryParse(
                text,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var value
            )
        )
        {
            throw new ConfigException(
                key,
                $"Invalid value {text} for configuration {key}: Not a number of type LONG"
            );
        }
        if (value < min)
        {
            throw new ConfigException(
                key,
                $"Invalid value {value} for configuration {key}: Value must be at least {min}"
            );
        }
        return value;
    }

    /// <summary>
    /// The client settings under <paramref name="prefix"/> (a worker's <c>producer.*</c>), overridden
    /// by the connector's own under <c>{prefix}override.</c> (Kafka Connect's per-connector client
    /// overrides, KIP-458); <c>max.poll.records</c> is not librdkafka's: the runner applies it.
    /// </summary>
    private static Dictionary<string, string> ClientConfig(
        Dictionary<string, string> all,
        string prefix
    )
    {
        var overridePrefix = prefix + "override.";
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in all)
        {
            if (
                key.StartsWith(prefix, StringComparison.Ordinal)
                && !key.StartsWith(overridePrefix, StringComparison.Ordinal)
            )
            {
                result[key[prefix.Length..]] = value;
            }
        }
        foreach (var (key, value) in all)
        {
            if (key.StartsWith(overridePrefix, StringComparison.Ordinal))
            {
                result[key[overridePrefix.Length..]] = value;
            }
        }
        result.Remove("max.poll.records");
        return result;
    }
}
