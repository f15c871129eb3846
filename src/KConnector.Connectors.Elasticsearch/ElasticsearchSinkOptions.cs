using KConnector.Configuration;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// The Elasticsearch sink's configuration, with the keys, meanings and defaults of Confluent's
/// Elasticsearch sink connector (<c>ElasticsearchSinkConnectorConfig</c>).
/// </summary>
public sealed record ElasticsearchSinkOptions
{
    /// <summary>
    /// The Elasticsearch sink's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is
    /// generated from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition { get; } =
        new(
            "KConnector.Connectors.Elasticsearch.ElasticsearchSink",
            [
                new ConfigKey
                {
                    Name = "connection.url",
                    Type = ConfigType.List,
                    Required = true,
                    Importance = ConfigImportance.High,
                    Documentation =
                        "Elasticsearch URL(s), e.g. http://127.0.0.1:9200. Requests go to the first; the others are not used yet.",
                },
                new ConfigKey
                {
                    Name = "connection.username",
                    Type = ConfigType.String,
                    Importance = ConfigImportance.Medium,
                    Documentation = "User for HTTP Basic authentication.",
                },
                new ConfigKey
                {
                    Name = "connection.password",
                    Type = ConfigType.Password,
                    Importance = ConfigImportance.Medium,
                    Documentation = "Password for HTTP Basic authentication; never logged.",
                },
                new ConfigKey
                {
                    Name = "key.ignore",
                    Type = ConfigType.Boolean,
                    DefaultValue = "false",
                    Importance = ConfigImportance.High,
                    Documentation =
                        "true: the document id is topic+partition+offset; false: the record key (a string or number) is the id.",
                },
                new ConfigKey
                {
                    Name = "schema.ignore",
                    Type = ConfigType.Boolean,
                    DefaultValue = "false",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "true: let Elasticsearch infer mappings; false: create a missing index with a mapping from the record schema.",
                },
                new ConfigKey
                {
                    Name = "write.method",
                    Type = ConfigType.String,
                    DefaultValue = "insert",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "insert (index: replace the document) or upsert (update with doc_as_upsert).",
                    OneOf = ["insert", "upsert"],
                },
                new ConfigKey
                {
                    Name = "behavior.on.null.values",
                    Type = ConfigType.String,
                    DefaultValue = "fail",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "What a tombstone does: ignore it, delete the document with the record's id, or fail it (a failed record).",
                    OneOf = ["ignore", "delete", "fail"],
                },
                new ConfigKey
                {
                    Name = "behavior.on.malformed.documents",
                    Type = ConfigType.String,
                    DefaultValue = "fail",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "What a document Elasticsearch rejects as malformed does: ignore it, warn (log and skip) or fail it (a failed record).",
                    OneOf = ["ignore", "warn", "fail"],
                },
                new ConfigKey
                {
                    Name = "batch.size",
                    Type = ConfigType.Int,
                    DefaultValue = "2000",
                    Importance = ConfigImportance.Low,
                    Documentation = "Records per bulk request.",
                    Min = 1,
                },
                new ConfigKey
                {
                    Name = "max.retries",
                    Type = ConfigType.Int,
                    DefaultValue = "5",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "Retries of a bulk request (or of its items) answered 429 or 5xx, or that failed to connect.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "retry.backoff.ms",
                    Type = ConfigType.Int,
                    DefaultValue = "100",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "First pause between retries, doubled each retry, unless the server sends Retry-After.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "retry.backoff.max.ms",
                    Type = ConfigType.Int,
                    DefaultValue = "10000",
                    Importance = ConfigImportance.Low,
                    Documentation =
                        "Longest pause between retries, also the cap on Retry-After (our own key).",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "read.timeout.ms",
                    Type = ConfigType.Int,
                    DefaultValue = "3000",
                    Importance = ConfigImportance.Low,
                    Documentation = "Timeout of one request, in milliseconds.",
                    Min = 1,
                },
            ]
        );

    /// <summary>Every key the sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>The first connection.url.</summary>
    public required Uri Url { get; init; }

    /// <summary>connection.username.</summary>
    public string? Username { get; init; }

    /// <summary>connection.password (secret).</summary>
    public Password? Password { get; init; }

    /// <summary>key.ignore.</summary>
    public bool KeyIgnore { get; init; }

    /// <summary>schema.ignore.</summary>
    public bool SchemaIgnore { get; init; }

    /// <summary>write.method = upsert.</summary>
    public bool Upsert { get; init; }

    /// <summary>behavior.on.null.values.</summary>
    public string OnNullValues { get; init; } = "fail";

    /// <summary>behavior.on.malformed.documents.</summary>
    public string OnMalformedDocuments { get; init; } = "fail";

    /// <summary>batch.size.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>max.retries.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>retry.backoff.ms.</summary>
    public int RetryBackoffMs { get; init; } = 100;

    /// <summary>retry.backoff.max.ms.</summary>
    public int RetryBackoffMaxMs { get; init; } = 10000;

    /// <summary>read.timeout.ms.</summary>
    public int ReadTimeoutMs { get; init; } = 3000;

    /// <summary>
    /// Parses and validates the Elasticsearch sink's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static ElasticsearchSinkOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var urls = parsed.Get<IReadOnlyList<string>>("connection.url") ?? [];
        Uri? url = null;
        if (
            urls.Count > 0
            && (
                !Uri.TryCreate(urls[0], UriKind.Absolute, out url)
                || url.Scheme is not ("http" or "https")
            )
        )
        {
            parsed.AddIssue(
                "connection.url",
                $"'{UrlRedaction.Redact(urls[0])}' is not an absolute http or https URL"
            );
        }
        var options = new ElasticsearchSinkOptions
        {
            Url = url ?? new Uri("http://invalid"),
            Username = parsed.Get<string>("connection.username"),
            Password = parsed.Get<Password>("connection.password"),
            KeyIgnore = parsed.Get<bool>("key.ignore"),
            SchemaIgnore = parsed.Get<bool>("schema.ignore"),
            Upsert = string.Equals(
                parsed.Get<string>("write.method"),
                "upsert",
                StringComparison.OrdinalIgnoreCase
            ),
            OnNullValues =
                parsed.Get<string>("behavior.on.null.values")?.ToLowerInvariant() ?? "fail",
            OnMalformedDocuments =
                parsed.Get<string>("behavior.on.malformed.documents")?.ToLowerInvariant() ?? "fail",
            BatchSize = parsed.Get<int>("batch.size"),
            MaxRetries = parsed.Get<int>("max.retries"),
            RetryBackoffMs = parsed.Get<int>("retry.backoff.ms"),
            RetryBackoffMaxMs = parsed.Get<int>("retry.backoff.max.ms"),
            ReadTimeoutMs = parsed.Get<int>("read.timeout.ms"),
        };
        if (options.KeyIgnore && options.OnNullValues == "delete")
        {
            // ElasticsearchSinkConnectorConfig: deleting needs the key as the document id.
            parsed.AddIssue(
                "behavior.on.null.values",
                "delete needs key.ignore=false (the key is the document id)"
            );
        }
        if (options.KeyIgnore && options.Upsert)
        {
            parsed.AddIssue(
                "write.method",
                "upsert needs key.ignore=false (the key is the document id)"
            );
        }
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without the password.</summary>
    public override string ToString() =>
        $"ElasticsearchSinkOptions {{ connection.url = {UrlRedaction.Redact(Url)}, connection.username = {Username}, connection.password = [hidden], key.ignore = {KeyIgnore}, write.method = {(Upsert ? "upsert" : "insert")}, batch.size = {BatchSize} }}";
}
