using System.Net.Http.Headers;
using System.Text;
using KConnector.Configuration;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// What the HTTP sink and source share: the URL, auth, extra headers and timeouts, parsed with
/// the keys of Confluent's HTTP connectors (<c>http.api.url</c>, <c>auth.type</c>,
/// <c>connection.user</c>, <c>connection.password</c>, <c>headers</c>, <c>header.separator</c>).
/// Secrets (password, token, header values) are never part of <see cref="ToString"/>.
/// </summary>
public sealed record HttpRequestSettings
{
    /// <summary>http.api.url.</summary>
    public required Uri Url { get; init; }

    /// <summary>The URL as configured, possibly with an <c>${offset}</c> placeholder (HTTP source).</summary>
    public string UrlTemplate { get; init; } = string.Empty;

    /// <summary>auth.type.</summary>
    public HttpAuthType AuthType { get; init; }

    /// <summary>connection.user.</summary>
    public string? User { get; init; }

    /// <summary>connection.password (secret).</summary>
    public Password? Password { get; init; }

    /// <summary>bearer.token (secret).</summary>
    public Password? BearerToken { get; init; }

    /// <summary>The parsed headers (values are secret).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>http.request.timeout.ms.</summary>
    public int RequestTimeoutMs { get; init; } = 30000;

    /// <summary>Reads this part from <paramref name="config"/>, adding issues that name the key.</summary>
    public static HttpRequestSettings Read(ParsedConfig config, string urlKey = "http.api.url")
    {
        ArgumentNullException.ThrowIfNull(config);
        var urlText = config.Get<string>(urlKey) ?? string.Empty;
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
            config.AddIssue(urlKey, $"'{urlText}' is not an absolute http or https URL");
        }
        var auth = config.Get<string>("auth.type")?.ToLowerInvariant() switch
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
            User = config.Get<string>("connection.user"),
            Password = config.Get<Password>("connection.password"),
            BearerToken = config.Get<Password>("bearer.token"),
            RequestTimeoutMs = config.Get<int>("http.request.timeout.ms"),
        };
        if (auth == HttpAuthType.Basic && string.IsNullOrEmpty(settings.User))
        {
            config.AddIssue("connection.user", "is required with auth.type=basic");
        }
        if (auth == HttpAuthType.Bearer && string.IsNullOrEmpty(settings.BearerToken?.Value))
        {
            config.AddIssue("bearer.token", "is required with auth.type=bearer");
        }
        var headers = new List<KeyValuePair<string, string>>();
        var separator = config.Get<string>("header.separator") ?? string.Empty;
        var headerText = config.Get<Password>("headers")?.Value ?? string.Empty;
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
                    config.AddIssue("headers", $"entry {headers.Count + 1} is not Name:Value");
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
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password?.Value}"))
                );
                break;
            case HttpAuthType.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Bearer",
                    BearerToken?.Value
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
        $"HttpRequestSettings {{ http.api.url = {UrlRedaction.Redact(Url)}, auth.type = {AuthType}, headers = [{string.Join(", ", Headers.Select(h => h.Key + ": [hidden]"))}] }}";
}
