using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The HTTP sink's configuration, with the keys of Confluent's HTTP sink connector where it has
/// them (<c>http.api.url</c>, <c>request.method</c>, <c>batch.max.size</c>, <c>max.retries</c>,
/// <c>retry.backoff.ms</c>, <c>behavior.on.null.values</c>) and our own for the rest.
/// </summary>
public sealed record HttpSinkOptions
{
    /// <summary>Every key the HTTP sink reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        .. HttpRequestSettings.Keys,
        new(
            "request.method",
            ConfigType.String,
            "POST",
            ConfigImportance.High,
            "The HTTP method of each request."
        )
        {
            ValidValues = ["post", "put", "patch"],
        },
        new(
            "batch.max.size",
            ConfigType.Int,
            "1",
            ConfigImportance.High,
            "Records per request. 1 sends each record's JSON object as the body; more sends a JSON array of them."
        ),
        new(
            "max.retries",
            ConfigType.Int,
            "10",
            ConfigImportance.Medium,
            "Retries of a request answered 408, 429 or 5xx, or that failed to connect, before the put fails."
        ),
        new(
            "retry.backoff.ms",
            ConfigType.Int,
            "3000",
            ConfigImportance.Medium,
            "First pause between retries, doubled each retry (capped by retry.backoff.max.ms), unless the server sends Retry-After."
        ),
        new(
            "retry.backoff.max.ms",
            ConfigType.Int,
            "60000",
            ConfigImportance.Low,
            "Longest pause between retries, also the cap on a server's Retry-After."
        ),
        new(
            "behavior.on.null.values",
            ConfigType.String,
            "ignore",
            ConfigImportance.Low,
            "What a tombstone (null value) does: ignore it, or fail it (reported as a failed record)."
        )
        {
            ValidValues = ["ignore", "fail"],
        },
    ];

    /// <summary>URL, auth, headers, timeout.</summary>
    public required HttpRequestSettings Request { get; init; }

    /// <summary>request.method.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Post;

    /// <summary>batch.max.size.</summary>
    public int BatchMaxSize { get; init; } = 1;

    /// <summary>max.retries.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>retry.backoff.ms.</summary>
    public int RetryBackoffMs { get; init; } = 3000;

    /// <summary>retry.backoff.max.ms.</summary>
    public int RetryBackoffMaxMs { get; init; } = 60000;

    /// <summary>behavior.on.null.values = fail.</summary>
    public bool FailOnNullValues { get; init; }

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static HttpSinkOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("HTTP sink", Keys, properties);
        var options = new HttpSinkOptions
        {
            Request = HttpRequestSettings.Read(config),
            Method = new HttpMethod(config.GetRequiredString("request.method").ToUpperInvariant()),
            BatchMaxSize = config.GetInt("batch.max.size", min: 1),
            MaxRetries = config.GetInt("max.retries", min: 0),
            RetryBackoffMs = config.GetInt("retry.backoff.ms", min: 0),
            RetryBackoffMaxMs = config.GetInt("retry.backoff.max.ms", min: 0),
            FailOnNullValues = config.GetString("behavior.on.null.values") == "fail",
        };
        config.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"HttpSinkOptions {{ {Request}, request.method = {Method}, batch.max.size = {BatchMaxSize}, max.retries = {MaxRetries} }}";
}
