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
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Elasticsearch.ElasticsearchSink.Definition;

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
