using KConnector.Configuration;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Http.Sink;
using KConnector.Json;
using KConnector.Plugins;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Http;

/// <summary>
/// The descriptor of the HttpSink connector plugin: its class name and Kafka Connect aliases, its
/// config keys (the one definition the build's checks, validation, <c>kconnector describe</c> and
/// the docs read) and how the generated worker creates its task.
/// </summary>
[ConnectPlugin(
    "KConnector.Connectors.Http.HttpSink",
    PluginKind.Sink,
    Aliases = ["io.confluent.connect.http.HttpSinkConnector", "HttpSinkConnector", "HttpSink"],
    Description = "Sends record values as JSON to an HTTP endpoint (Confluent's HTTP sink), in batches, with retries.",
    ValueMustBeRecord = true
)]
[ConfigKey(
    "http.api.url",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Documentation = "The endpoint URL (http or https)."
)]
[IncludeConfigKeys(typeof(HttpRequestKeys))]
[ConfigKey(
    "request.method",
    ConfigType.String,
    Default = "POST",
    Importance = ConfigImportance.High,
    AllowedValues = ["post", "put", "patch"],
    Documentation = "The HTTP method of each request."
)]
[ConfigKey(
    "batch.max.size",
    ConfigType.Int,
    Default = "1",
    Importance = ConfigImportance.High,
    Min = 1,
    Documentation = "Records per request. 1 sends each record's JSON object as the body; more sends a JSON array of them."
)]
[IncludeConfigKeys(typeof(HttpRetryKeys))]
[ConfigKey(
    "behavior.on.null.values",
    ConfigType.String,
    Default = "ignore",
    Importance = ConfigImportance.Low,
    AllowedValues = ["ignore", "fail"],
    Documentation = "What a tombstone (null value) does: ignore it, or fail it (reported as a failed record)."
)]
public static partial class HttpSink
{
    /// <summary>
    /// The connector's rules across keys (Kafka Connect's <c>Connector.validate</c>): those
    /// <see cref="global::KConnector.Connectors.Http.Configuration.HttpSinkOptions.Parse"/> states, the very method the task factory calls, so that
    /// <c>kconnector validate</c> refuses what a start would refuse without making a task.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config) =>
        _ = global::KConnector.Connectors.Http.Configuration.HttpSinkOptions.Parse(config);

    /// <summary>Creates a task from the connector's whole config (only its own keys are read).</summary>
    /// <exception cref="ConfigValidationException">The configuration is invalid; each problem names its key.</exception>
    public static HttpSinkTask<TKey, TValue> CreateTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config,
        ILogger? logger
    )
        where TValue : IJsonRecord<TValue> =>
        HttpSinkTaskFactory.Create<TKey, TValue>(config, logger);
}
