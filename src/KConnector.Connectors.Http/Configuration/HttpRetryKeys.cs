using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The retry keys the HTTP sink and source share (Confluent's HTTP connectors' names): how often
/// and how long a request the server could not answer is tried again. Descriptors include them
/// with <c>[IncludeConfigKeys(typeof(HttpRetryKeys))]</c>: one definition.
/// </summary>
[ConfigKey(
    "max.retries",
    ConfigType.Int,
    Default = "10",
    Min = 0,
    Documentation = "Retries of a request answered 408, 429 or 5xx, or that failed to connect, before the put (sink) or the listing (source) fails."
)]
[ConfigKey(
    "retry.backoff.ms",
    ConfigType.Int,
    Default = "3000",
    Min = 0,
    Documentation = "First pause between retries, doubled each retry (capped by retry.backoff.max.ms), unless the server sends Retry-After."
)]
[ConfigKey(
    "retry.backoff.max.ms",
    ConfigType.Int,
    Default = "60000",
    Importance = ConfigImportance.Low,
    Min = 0,
    Documentation = "Longest pause between retries, also the cap on a server's Retry-After."
)]
internal static class HttpRetryKeys;
