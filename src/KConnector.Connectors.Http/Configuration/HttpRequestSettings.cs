using System.Net.Http.Headers;
using System.Text;
using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// What the HTTP sink and source share: the URL, auth, extra headers and timeouts, parsed with
/// the keys of Confluent's HTTP connectors (<c>http.api.url</c>, <c>auth.type</c>,
/// <c>connection.user</c>, <c>connection.password</c>, <c>headers</c>, <c>header.separator</c>).
/// Secrets (password, token, header values) are never part of <see cref="ToString"/>.
/// </summary>
public sealed record HttpRequestSettings
{
    /// <summary>The keys this part reads.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
        KeysWithUrl("http.api.url", "The endpoint URL (http or https).");

    /// <summary>The keys, with the URL under <paramref name="urlKey"/> (Confluent's HTTP source calls it <c>url</c>).</summary>
    public static IReadOnlyList<ConfigKey> KeysWithUrl(string urlKey, string urlDoc) =>
        [
            ConfigKey.Require(urlKey, ConfigType.String, ConfigImportance.High, urlDoc),
            new(
                "auth.type",
                ConfigType.String,
                "none",
                ConfigImportance.High,
                "Authentication: none, basic (connection.user / connection.password) or bearer (bearer.token)."
            )
            {
                ValidValues = ["none", "basic", "bearer"],
            },
            new(
                "connection.user",
                ConfigType.String,
                null,
                ConfigImportance.Medium,
                "User for auth.type=basic."
            ),
            new(
                "connection.password",
                ConfigType.Password,
                null,
                ConfigImportance.Medium,
                "Password for auth.type=basic; never logged."
            ),
            new(
                "bearer.token",
                ConfigType.Password,
                null,
                ConfigImportance.Medium,
                "Token for auth.type=bearer; never logged."
            ),
            new(
                "headers",
                ConfigType.Password,
                "",
                ConfigImportance.Medium,
                "Extra request headers, Name:Value, separated by header.separator. Treated as secret (they often carry API keys): never logged."
            ),
            new(
                "header.separator",
                ConfigType.String,
                "|",
                ConfigImportance.Low,
                "Separator between the entries of headers."
            ),
            new(
                "http.request.timeout.ms",
                ConfigType.Int,
                "30000",
                ConfigImportance.Low,
                "Timeout of one request, in milliseconds."
            ),
        ];

    /// <summary>http.api.url.</summary>
    public required Uri Url { get; init; }

    /// <summary>The URL as configured, possibly with an <c>${offset}</c> placeholder (HTTP source).</summary>
    public string UrlTemplate { get; init; } = string.Empty;

    /// <summary>auth.type.</summary>
    public HttpAuthType AuthType { get; init; }

    /// <summary>connection.user.</summary>
    public string? User { get; init; }

    /// <summary>connection.password (secret).</summary>
    public string? Password { get; init; }

    /// <summary>bearer.token (secret).</summary>
    public string? BearerToken { get; init; }

    /// <summary>The parsed headers (values are secret).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>http.request.timeout.ms.</summary>
    public int RequestTimeoutMs { get; init; } = 30000;

    /// <summary>Reads this part from <paramref name="config"/>, adding errors that name the key.</summary>
    public static HttpRequestSettings Read(ConfigReader config, string urlKey = "http.api.url")
    {
        ArgumentNullException.ThrowIfNull(config);
        var urlText = config.GetRequiredString(urlKey);
        Uri? url = null;
        if (
            urlText.Length > 0
            && (
                !Uri.TryCreate(
                    urlText.Replace("${offset}", "0", StringComparison.Ordinal),
                    UriKind.Absolute,
                    out url
                ) || url.Scheme is not ("http" or "https")
            )
        )
        {
            config.AddError(urlKey, $"'{urlText}' is not an absolute http or https URL");
        }
        var auth = config.GetString("auth.type") switch
        {
            "basic" => HttpAuthType.Basic,
            "bearer" => HttpAuthType.Bearer,
            _ => HttpAuthType.None,
        };
        var settings = new HttpRequestSettings
        {
            Url = url ?? new Uri("http://invalid"),
            UrlTemplate = urlText,
            AuthType = auth,
            User = config.GetString("connection.user"),
            Password = config.GetString("connection.password"),
            BearerToken = config.GetString("bearer.token"),
            RequestTimeoutMs = config.GetInt("http.request.timeout.ms", min: 1),
        };
        if (auth == HttpAuthType.Basic && string.IsNullOrEmpty(settings.User))
        {
            config.AddError("connection.user", "is required with auth.type=basic");
        }
        if (auth == HttpAuthType.Bearer && string.IsNullOrEmpty(settings.BearerToken))
        {
            config.AddError("bearer.token", "is required with auth.type=bearer");
        }
        var headers = new List<KeyValuePair<string, string>>();
        var separator = config.GetRequiredString("header.separator");
        var headerText = config.GetString("headers") ?? string.Empty;
        if (headerText.Length > 0 && separator.Length > 0)
        {
            foreach (
                var entry in headerText.Split(
                    separator,
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                )
            )
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    // Name only: never echo the entry, it may be a secret.
                    config.AddError("headers", $"entry {headers.Count + 1} is not Name:Value");
                    continue;
                }
                headers.Add(new(entry[..colon].Trim(), entry[(colon + 1)..].Trim()));
            }
        }
        return settings with { Headers = headers };
    }

    /// <summary>Adds auth and the configured headers to <paramref name="request"/>.</summary>
    public void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (AuthType)
        {
            case HttpAuthType.Basic:
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"))
                );
                break;
            case HttpAuthType.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Bearer",
                    BearerToken
                );
                break;
            default:
                break;
        }
        foreach (var (name, value) in Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    /// <summary>The settings without secrets.</summary>
    public override string ToString() =>
        $"HttpRequestSettings {{ http.api.url = {Url.GetLeftPart(UriPartial.Path)}, auth.type = {AuthType}, headers = [{string.Join(", ", Headers.Select(h => h.Key + ": [hidden]"))}] }}";
}
