using System.Globalization;
using System.Text;

namespace KConnector.SchemaRegistry;

/// <summary>
/// A Schema Registry client's settings, read from Confluent's config keys
/// (<c>schema.registry.url</c>, <c>basic.auth.*</c>, <c>bearer.auth.*</c>, and the .NET client's
/// <c>schema.registry.request.timeout.ms</c> / <c>max.retries</c> / <c>retries.wait.ms</c> /
/// <c>retries.max.wait.ms</c> / <c>max.cached.schemas</c> / <c>latest.cache.ttl.secs</c>).
/// A bad value throws an <see cref="ArgumentException"/> naming the key.
/// </summary>
public sealed class SchemaRegistryConfig
{
    /// <summary><c>schema.registry.url</c>: comma-separated base URLs, or <c>mock://scope</c>.</summary>
    public const string UrlKey = "schema.registry.url";

    /// <summary><c>basic.auth.credentials.source</c>: USER_INFO, URL or SASL_INHERIT.</summary>
    public const string BasicAuthCredentialsSourceKey = "basic.auth.credentials.source";

    /// <summary><c>basic.auth.user.info</c>: <c>user:password</c>.</summary>
    public const string BasicAuthUserInfoKey = "basic.auth.user.info";

    /// <summary><c>bearer.auth.credentials.source</c>: STATIC_TOKEN.</summary>
    public const string BearerAuthCredentialsSourceKey = "bearer.auth.credentials.source";

    /// <summary><c>bearer.auth.token</c>: the static bearer token.</summary>
    public const string BearerAuthTokenKey = "bearer.auth.token";

    /// <summary><c>bearer.auth.logical.cluster</c>: sent as the <c>target-sr-cluster</c> header (Confluent Cloud).</summary>
    public const string BearerAuthLogicalClusterKey = "bearer.auth.logical.cluster";

    /// <summary><c>bearer.auth.identity.pool.id</c>: sent as the <c>Confluent-Identity-Pool-Id</c> header.</summary>
    public const string BearerAuthIdentityPoolIdKey = "bearer.auth.identity.pool.id";

    /// <summary><c>schema.registry.request.timeout.ms</c>: per-request timeout, 30000 by default.</summary>
    public const string RequestTimeoutMsKey = "schema.registry.request.timeout.ms";

    /// <summary><c>schema.registry.max.retries</c>: retries after a 5xx, 408, 429 or timeout, 3 by default.</summary>
    public const string MaxRetriesKey = "schema.registry.max.retries";

    /// <summary><c>schema.registry.retries.wait.ms</c>: the first backoff, doubled per retry, 1000 by default.</summary>
    public const string RetriesWaitMsKey = "schema.registry.retries.wait.ms";

    /// <summary><c>schema.registry.retries.max.wait.ms</c>: the longest backoff, 20000 by default.</summary>
    public const string RetriesMaxWaitMsKey = "schema.registry.retries.max.wait.ms";

    /// <summary><c>schema.registry.max.cached.schemas</c>: cache size per cache, 1000 by default.</summary>
    public const string MaxCachedSchemasKey = "schema.registry.max.cached.schemas";

    /// <summary><c>schema.registry.latest.cache.ttl.secs</c>: how long a subject's latest version is cached; -1 (the default) never expires.</summary>
    public const string LatestCacheTtlSecsKey = "schema.registry.latest.cache.ttl.secs";

    private SchemaRegistryConfig(IReadOnlyList<Uri> urls, string? mockScope)
    {
        Urls = urls;
        MockScope = mockScope;
    }

    /// <summary>The registry's base URLs (tried in turn when one cannot be reached).</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <summary>The scope of a <c>mock://scope</c> URL, or null for a real registry.</summary>
    public string? MockScope { get; }

    /// <summary>The <c>Authorization</c> header value (Basic or Bearer), or null.</summary>
    public string? Authorization { get; private init; }

    /// <summary>Extra headers bearer auth asks for (<c>target-sr-cluster</c>, <c>Confluent-Identity-Pool-Id</c>).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; private init; } =
        new Dictionary<string, string>();

    /// <summary>The per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; private init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a retriable failure (5xx, 408, 429, timeout, connection refused).</summary>
    public int MaxRetries { get; private init; } = 3;

    /// <summary>The first backoff; each retry doubles it up to <see cref="RetriesMaxWait"/>.</summary>
    public TimeSpan RetriesWait { get; private init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff.</summary>
    public TimeSpan RetriesMaxWait { get; private init; } = TimeSpan.FromSeconds(20);

    /// <summary>The most entries each cache holds before it is cleared.</summary>
    public int MaxCachedSchemas { get; private init; } = 1000;

    /// <summary>How long a latest version stays cached; null never expires.</summary>
    public TimeSpan? LatestCacheTtl { get; private init; }

    /// <summary>Reads the settings from Confluent's config keys.</summary>
    /// <exception cref="ArgumentException">A key is missing or has a bad value; the message names the key.</exception>
    public static SchemaRegistryConfig From(IReadOnlyDictionary<string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.TryGetValue(UrlKey, out var urlText) || string.IsNullOrWhiteSpace(urlText))
        {
            throw new Configuration.ConfigValueException(
                UrlKey,
                $"'{UrlKey}' is required: the Schema Registry's URL, or mock://scope for an in-memory registry."
            );
        }
        urlText = urlText.Trim();
        if (urlText.StartsWith("mock://", StringComparison.OrdinalIgnoreCase))
        {
            return new SchemaRegistryConfig([], urlText["mock://".Length..]);
        }
        var urls = new List<Uri>();
        foreach (
            var part in urlText.Split(
                ',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            if (
                !Uri.TryCreate(part, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            )
            {
                throw new Configuration.ConfigValueException(
                    UrlKey,
                    $"'{UrlKey}' has '{Configuration.UrlRedaction.Redact(part)}', which is not an http(s) URL or mock://scope."
                );
            }
            urls.Add(uri);
        }
        var (authorization, extraHeaders) = ReadAuthentication(config, urls);
        var maxWait = Milliseconds(config, RetriesMaxWaitMsKey, 20000);
        return new SchemaRegistryConfig(urls, null)
        {
            Authorization = authorization,
            ExtraHeaders = extraHeaders,
            RequestTimeout = Milliseconds(config, RequestTimeoutMsKey, 30000),
            MaxRetries = Integer(config, MaxRetriesKey, 3, min: 0),
            RetriesWait = Milliseconds(config, RetriesWaitMsKey, 1000),
            RetriesMaxWait = maxWait,
            MaxCachedSchemas = Integer(config, MaxCachedSchemasKey, 1000, min: 1),
            LatestCacheTtl =
                Integer(config, LatestCacheTtlSecsKey, -1, min: -1) is var ttl && ttl >= 0
                    ? TimeSpan.FromSeconds(ttl)
                    : null,
        };
    }

    private static (string?, IReadOnlyDictionary<string, string>) ReadAuthentication(
        IReadOnlyDictionary<string, string> config,
        List<Uri> urls
    )
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? basic = null;
        config.TryGetValue(BasicAuthUserInfoKey, out var userInfo);
        // Kafka Connect's default source is URL; a user.info given without a source is meant to be used.
        var basicSource = config.TryGetValue(BasicAuthCredentialsSourceKey, out var source)
            ? source.Trim().ToUpperInvariant()
            : (string.IsNullOrEmpty(userInfo) ? "URL" : "USER_INFO");
        switch (basicSource)
        {
            case "USER_INFO":
                if (!string.IsNullOrEmpty(userInfo))
                {
                    if (!userInfo.Contains(':', StringComparison.Ordinal))
                    {
                        throw new Configuration.ConfigValueException(
                            BasicAuthUserInfoKey,
                            $"'{BasicAuthUserInfoKey}' must be 'user:password'."
                        );
                    }
                    basic = userInfo;
                }
                break;
            case "URL":
                var withUser = urls.FirstOrDefault(u => u.UserInfo.Length > 0);
                basic = withUser is null ? null : Uri.UnescapeDataString(withUser.UserInfo);
                break;
            case "SASL_INHERIT":
                if (
                    !config.TryGetValue("sasl.username", out var user)
                    || !config.TryGetValue("sasl.password", out var password)
                )
                {
                    throw new Configuration.ConfigValueException(
                        BasicAuthCredentialsSourceKey,
                        $"'{BasicAuthCredentialsSourceKey}=SASL_INHERIT' needs 'sasl.username' and 'sasl.password'."
                    );
                }
                basic = user + ":" + password;
                break;
            default:
                throw new Configuration.ConfigValueException(
                    BasicAuthCredentialsSourceKey,
                    $"'{BasicAuthCredentialsSourceKey}' is '{source}'; expected USER_INFO, URL or SASL_INHERIT."
                );
        }

        string? bearer = null;
        if (config.TryGetValue(BearerAuthCredentialsSourceKey, out var bearerSource))
        {
            if (
                !string.Equals(
                    bearerSource.Trim(),
                    "STATIC_TOKEN",
                    StringComparison.OrdinalIgnoreCase
                )
            )
            {
                throw new Configuration.ConfigValueException(
                    BearerAuthCredentialsSourceKey,
                    $"'{BearerAuthCredentialsSourceKey}' is '{bearerSource}'; only STATIC_TOKEN is supported (with '{BearerAuthTokenKey}')."
                );
            }
            if (!config.TryGetValue(BearerAuthTokenKey, out bearer) || string.IsNullOrEmpty(bearer))
            {
                throw new Configuration.ConfigValueException(
                    BearerAuthCredentialsSourceKey,
                    $"'{BearerAuthCredentialsSourceKey}=STATIC_TOKEN' needs '{BearerAuthTokenKey}'."
                );
            }
            if (config.TryGetValue(BearerAuthLogicalClusterKey, out var cluster))
            {
                headers["target-sr-cluster"] = cluster;
            }
            if (config.TryGetValue(BearerAuthIdentityPoolIdKey, out var pool))
            {
                headers["Confluent-Identity-Pool-Id"] = pool;
            }
        }
        if (bearer is not null && basic is not null)
        {
            // Confluent's clients refuse both at once: the registry accepts one Authorization header.
            throw new Configuration.ConfigValueException(
                BearerAuthTokenKey,
                $"Both basic auth ('{BasicAuthUserInfoKey}') and bearer auth ('{BearerAuthTokenKey}') are configured; use one."
            );
        }
        var authorization =
            bearer is not null ? "Bearer " + bearer
            : basic is not null ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(basic))
            : null;
        return (authorization, headers);
    }

    private static int Integer(
        IReadOnlyDictionary<string, string> config,
        string key,
        int defaultValue,
        int min
    )
    {
        if (!config.TryGetValue(key, out var text))
        {
            return defaultValue;
        }
        if (
            !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min
        )
        {
            throw new Configuration.ConfigValueException(
                key,
                $"'{key}' is '{text}'; expected an integer of at least {min}."
            );
        }
        return value;
    }

    private static TimeSpan Milliseconds(
        IReadOnlyDictionary<string, string> config,
        string key,
        int defaultValue
    ) => TimeSpan.FromMilliseconds(Integer(config, key, defaultValue, min: 0));
}
