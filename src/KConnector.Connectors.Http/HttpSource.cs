using KConnector.Configuration;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Http.Source;
using KConnector.Connectors.Shapes;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Http;

/// <summary>
/// The descriptor of the HttpSource connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Http.HttpSource",
    PluginKind.Source,
    Aliases = [
        "io.confluent.connect.http.HttpSourceConnector",
        "HttpSourceConnector",
        "HttpSource",
    ],
    Description = "Polls a paged REST API (Confluent's HTTP source); each JSON object becomes a record of the value's type.",
    ValueMustBeRecord = true,
    KeyMayBeRecord = false,
    SingleTask = true
)]
[ConfigKey(
    "url",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The listing URL; ${offset} is replaced by the last offset (URL-encoded)."
)]
[IncludeConfigKeys(typeof(HttpRequestKeys))]
[ConfigKey(
    "topic.name.pattern",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The topic records are written to."
)]
[ConfigKey(
    "http.request.parameters",
    ConfigType.String,
    Default = "",
    Documentation = "Extra query parameters, name=value separated by &; ${offset} is replaced by the last offset."
)]
[ConfigKey(
    "http.response.data.json.pointer",
    ConfigType.String,
    Default = "",
    Importance = ConfigImportance.High,
    Documentation = "JSON Pointer to the array of records in a response (Salesforce: /records); empty: the body is the array."
)]
[ConfigKey(
    "http.offset.json.pointer",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "JSON Pointer, within one record, to its incrementing field (an id or an ISO timestamp): the source offset."
)]
[ConfigKey(
    "http.initial.offset",
    ConfigType.String,
    Default = "0",
    Documentation = "The offset of the first round, when none is stored."
)]
[ConfigKey(
    "http.pagination.mode",
    ConfigType.String,
    Default = "none",
    AllowedValues = ["none", "cursor", "page"],
    Documentation = "How one listing is paged: none, cursor (http.next.page.json.pointer) or page (http.page.param)."
)]
[ConfigKey(
    "http.next.page.json.pointer",
    ConfigType.String,
    Default = "",
    Documentation = "JSON Pointer to the next page's URL or cursor token in a response (Salesforce: /nextRecordsUrl); cursor mode."
)]
[ConfigKey(
    "http.cursor.param",
    ConfigType.String,
    Default = "cursor",
    Importance = ConfigImportance.Low,
    Documentation = "Query parameter that carries a cursor token that is not a URL; cursor mode."
)]
[ConfigKey(
    "http.page.param",
    ConfigType.String,
    Default = "page",
    Importance = ConfigImportance.Low,
    Documentation = "Query parameter of the page number; page mode."
)]
[ConfigKey(
    "http.page.start",
    ConfigType.Int,
    Default = "1",
    Importance = ConfigImportance.Low,
    Min = 0,
    Documentation = "Number of the first page; page mode."
)]
[ConfigKey(
    "request.interval.ms",
    ConfigType.Int,
    Default = "15000",
    Importance = ConfigImportance.High,
    Min = 1,
    Documentation = "Milliseconds between the starts of two listings."
)]
[IncludeConfigKeys(typeof(HttpRetryKeys))]
public static partial class HttpSource
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Http.Configuration.HttpSourceOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Http.Configuration.HttpSourceOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static HttpSourceTask<TValue> CreateTask<TValue>(
        IReadOnlyDictionary<string, string?> config,
        RecordAccessor<TValue> value,
        ILogger? logger
    ) => HttpSourceTaskFactory.Create(config, value, logger);
}
