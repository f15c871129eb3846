using KConnector.Configuration;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The HTTP sink's configuration, with the keys of Confluent's HTTP sink connector where it has
/// them (<c>http.api.url</c>, <c>request.method</c>, <c>batch.max.size</c>, <c>max.retries</c>,
/// <c>retry.backoff.ms</c>, <c>behavior.on.null.values</c>) and our own for the rest.
/// </summary>
public sealed record HttpSinkOptions
{
    /// <summary>
    /// The HTTP sink's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition { get; } =
        new(
            "KConnector.Connectors.Http.HttpSink",
            [
                .. HttpRequestSettings.Keys,
                new ConfigKey
                {
                    Name = "request.method",
                    Type = ConfigType.String,
                    DefaultValue = "POST",
                    Importance = ConfigImportance.High,
                    Documentation = "The HTTP method of each request.",
                    OneOf = ["post", "put", "patch"],
                },
                new ConfigKey
                {
                    Name = "batch.max.size",
                    Type = ConfigType.Int,
                    DefaultValue = "1",
                    Importance = ConfigImportance.High,
                    Documentation =
                        "Records per request. 1 sends each record's JSON object as the body; more sends a JSON array of them.",
                    Min = 1,
                },
                new ConfigKey
                {
                    Name = "max.retries",
                    Type = ConfigType.Int,
                    DefaultValue = "10",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Retries of a request answered 408, 429 or 5xx, or that failed to connect, before the put fails.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "retry.backoff.ms",
                    Type = ConfigType.Int,
                    DefaultValue = "3000",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "First pause between retries, doubled each retry (capped by retry.backoff.max.ms), unless the server sends Retry-After.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "retry.backoff.max.ms",
                    Type = ConfigType.Int,
                    DefaultValue = "60000",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "Longest pause between retries, also the cap on a server's Retry-After.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "behavior.on.null.values",
                    Type = ConfigType.String,
                    DefaultValue = "ignore",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "What a tombstone (null value) does: ignore it, or fail it (reported as a failed record).",
                    OneOf = ["ignore", "fail"],
                },
            ]
        );

    /// <summary>Every key the HTTP sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

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

    /// <summary>
    /// Parses and validates the HTTP sink's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static HttpSinkOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var options = new HttpSinkOptions
        {
            Request = HttpRequestSettings.Read(parsed),
            Method = new HttpMethod(
                (parsed.Get<string>("request.method") ?? "POST").ToUpperInvariant()
            ),
            BatchMaxSize = parsed.Get<int>("batch.max.size"),
            MaxRetries = parsed.Get<int>("max.retries"),
            RetryBackoffMs = parsed.Get<int>("retry.backoff.ms"),
            RetryBackoffMaxMs = parsed.Get<int>("retry.backoff.max.ms"),
            FailOnNullValues = string.Equals(
                parsed.Get<string>("behavior.on.null.values"),
                "fail",
                StringComparison.OrdinalIgnoreCase
            ),
        };
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"HttpSinkOptions {{ {Request}, request.method = {Method}, batch.max.size = {BatchMaxSize}, max.retries = {MaxRetries} }}";
}
