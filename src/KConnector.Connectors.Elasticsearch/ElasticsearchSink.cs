using KConnector.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Json;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// The descriptor of the ElasticsearchSink connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Elasticsearch.ElasticsearchSink",
    PluginKind.Sink,
    Aliases = [
        "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
        "ElasticsearchSinkConnector",
        "ElasticsearchSink",
    ],
    Description = "Indexes record values as documents through Elasticsearch's bulk API (Confluent's Elasticsearch sink).",
    ValueMustBeRecord = true
)]
[ConfigKey(
    "connection.url",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "Elasticsearch URL(s), e.g. http://127.0.0.1:9200. Requests go to the first; the others are not used yet."
)]
[ConfigKey(
    "connection.username",
    ConfigType.String,
    Documentation = "User for HTTP Basic authentication."
)]
[ConfigKey(
    "connection.password",
    ConfigType.Password,
    Documentation = "Password for HTTP Basic authentication; never logged."
)]
[ConfigKey(
    "key.ignore",
    ConfigType.Boolean,
    Default = "false",
    Importance = ConfigImportance.High,
    Documentation = "true: the document id is topic+partition+offset; false: the record key (a string or number) is the id."
)]
[ConfigKey(
    "schema.ignore",
    ConfigType.Boolean,
    Default = "false",
    Importance = ConfigImportance.Low,
    Documentation = "true: let Elasticsearch infer mappings; false: create a missing index with a mapping from the record schema."
)]
[ConfigKey(
    "write.method",
    ConfigType.String,
    Default = "insert",
    Importance = ConfigImportance.Low,
    AllowedValues = ["insert", "upsert"],
    Documentation = "insert (index: replace the document) or upsert (update with doc_as_upsert)."
)]
[ConfigKey(
    "behavior.on.null.values",
    ConfigType.String,
    Default = "fail",
    Importance = ConfigImportance.Low,
    AllowedValues = ["ignore", "delete", "fail"],
    Documentation = "What a tombstone does: ignore it, delete the document with the record's id, or fail it (a failed record)."
)]
[ConfigKey(
    "behavior.on.malformed.documents",
    ConfigType.String,
    Default = "fail",
    Importance = ConfigImportance.Low,
    AllowedValues = ["ignore", "warn", "fail"],
    Documentation = "What a document Elasticsearch rejects as malformed does: ignore it, warn (log and skip) or fail it (a failed record)."
)]
[ConfigKey(
    "batch.size",
    ConfigType.Int,
    Default = "2000",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Records per bulk request."
)]
[ConfigKey(
    "max.retries",
    ConfigType.Int,
    Default = "5",
    Importance = ConfigImportance.Low,
    Min = 0,
    Documentation = "Retries of a bulk request (or of its items) answered 429 or 5xx, or that failed to connect."
)]
[ConfigKey(
    "retry.backoff.ms",
    ConfigType.Int,
    Default = "100",
    Importance = ConfigImportance.Low,
    Min = 0,
    Documentation = "First pause between retries, doubled each retry, unless the server sends Retry-After."
)]
[ConfigKey(
    "retry.backoff.max.ms",
    ConfigType.Int,
    Default = "10000",
    Importance = ConfigImportance.Low,
    Min = 0,
    Documentation = "Longest pause between retries, also the cap on Retry-After (our own key)."
)]
[ConfigKey(
    "read.timeout.ms",
    ConfigType.Int,
    Default = "3000",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Timeout of one request, in milliseconds."
)]
public static partial class ElasticsearchSink
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Elasticsearch.ElasticsearchSinkOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Elasticsearch.ElasticsearchSinkOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static ElasticsearchSinkTask<TKey, TValue> CreateTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    )
        where TValue : IJsonRecord<TValue> =>
        ElasticsearchSinkTaskFactory.Create<TKey, TValue>(config, value, logger);
}
