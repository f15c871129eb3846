using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The request keys the HTTP sink and source share (Confluent's HTTP connectors' names): auth, headers and the request timeout; each connector names its URL key itself.
/// Descriptors include them with <c>[IncludeConfigKeys(typeof(HttpRequestKeys))]</c>: one definition.
/// </summary>
[ConfigKey(
    "auth.type",
    ConfigType.String,
    Default = "none",
    Importance = ConfigImportance.High,
    AllowedValues = ["none", "basic", "bearer"],
    Documentation = "Authentication: none, basic (connection.user / connection.password) or bearer (bearer.token)."
)]
[ConfigKey(
    "connection.user",
    ConfigType.String,
    RequiredWhenKey = "auth.type",
    RequiredWhenValues = ["basic"],
    Documentation = "User for auth.type=basic."
)]
[ConfigKey(
    "connection.password",
    ConfigType.Password,
    Documentation = "Password for auth.type=basic; never logged."
)]
[ConfigKey(
    "bearer.token",
    ConfigType.Password,
    RequiredWhenKey = "auth.type",
    RequiredWhenValues = ["bearer"],
    Documentation = "Token for auth.type=bearer; never logged."
)]
[ConfigKey(
    "headers",
    ConfigType.Password,
    Default = "",
    Documentation = "Extra request headers, Name:Value, separated by header.separator. Treated as secret (they often carry API keys): never logged."
)]
[ConfigKey(
    "header.separator",
    ConfigType.String,
    Default = "|",
    Importance = ConfigImportance.Low,
    Documentation = "Separator between the entries of headers."
)]
[ConfigKey(
    "http.request.timeout.ms",
    ConfigType.Int,
    Default = "30000",
    Importance = ConfigImportance.Low,
    Min = 1,
    Documentation = "Timeout of one request, in milliseconds."
)]
internal static class HttpRequestKeys;
