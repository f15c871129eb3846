using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// The Elasticsearch sink's configuration, with the keys, meanings and defaults of Confluent's
/// Elasticsearch sink connector (<c>ElasticsearchSinkConnectorConfig</c>).
/// </summary>
public sealed record ElasticsearchSinkOptions
{
    /// <summary>Every key the sink reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigKey.Require(
            "connection.url",
            ConfigType.List,
            ConfigImportance.High,
            "Elasticsearch URL(s), e.g. http://127.0.0.1:9200. Requests go to the first; the others are not used yet."
        ),
        new(
            "connection.username",
            ConfigType.String,
            null,
            ConfigImportance.Medium,
            "User for HTTP Basic authentication."
        ),
        new(
            "connection.password",
            ConfigType.Password,
            null,
            ConfigImportance.Medium,
            "Password for HTTP Basic authentication; never logged."
        ),
        new(
            "key.ignore",
            ConfigType.Boolean,
            "false",
            ConfigImportance.High,
            "true: the document id is topic+partition+offset; false: the record key (a string or number) is the id."
        ),
        new(
            "schema.ignore",
            ConfigType.Boolean,
            "false",
            ConfigImportance.Low,
            "true: let Elasticsearch infer mappings; false: create a missing index with a mapping from the record schema."
        ),
        new(
            "write.method",
            ConfigType.String,
            "insert",
            ConfigImportance.Low,
            "insert (index: replace the document) or upsert (update with doc_as_upsert)."
        )
        {
            ValidValues = ["insert", "upsert"],
        },
        new(
            "behavior.on.null.values",
            ConfigType.String,
            "fail",
            ConfigImportance.Low,
            "What a tombstone does: ignore it, delete the document with the record's id, or fail it (a failed record)."
        )
        {
            ValidValues = ["ignore", "delete", "fail"],
        },
        new(
            "behavior.on.malformed.documents",
            ConfigType.String,
            "fail",
            ConfigImportance.Low,
            "What a document Elasticsearch rejects as malformed does: ignore it, warn (log and skip) or fail it (a failed record)."
        )
        {
            ValidValues = ["ignore", "warn", "fail"],
        },
        new(
            "batch.size",
            ConfigType.Int,
            "2000",
            ConfigImportance.Low,
            "Records per bulk request."
        ),
        new(
            "max.retries",
            ConfigType.Int,
            "5",
            ConfigImportance.Low,
            "Retries of a bulk request (or of its items) answered 429 or 5xx, or that failed to connect."
        ),
        new(
            "retry.backoff.ms",
            ConfigType.Int,
            "100",
            ConfigImportance.Low,
            "First pause between retries, doubled each retry, unless the server sends Retry-After."
        ),
        new(
            "retry.backoff.max.ms",
            ConfigType.Int,
            "10000",
            ConfigImportance.Low,
            "Longest pause between retries, also the cap on Retry-After (our own key)."
        ),
        new(
            "read.timeout.ms",
            ConfigType.Int,
            "3000",
            ConfigImportance.Low,
            "Timeout of one request, in milliseconds."
        ),
    ];

    /// <summary>The first connection.url.</summary>
    public required Uri Url { get; init; }

    /// <summary>connection.username.</summary>
    public string? Username { get; init; }

    /// <summary>connection.password (secret).</summary>
    public string? Password { get; init; }

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

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static ElasticsearchSinkOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("Elasticsearch sink", Keys, properties);
        var urls = config.GetList("connection.url");
        Uri? url = null;
        if (
            urls.Count > 0
            && (
                !Uri.TryCreate(urls[0], UriKind.Absolute, out url)
                || url.Scheme is not ("http" or "https")
            )
        )
        {
            config.AddError("connection.url", $"'{urls[0]}' is not an absolute http or https URL");
        }
        var options = new ElasticsearchSinkOptions
        {
            Url = url ?? new Uri("http://invalid"),
            Username = config.GetString("connection.username"),
            Password = config.GetString("connection.password"),
            KeyIgnore = config.GetBoolean("key.ignore"),
            SchemaIgnore = config.GetBoolean("schema.ignore"),
            Upsert = config.GetString("write.method") == "upsert",
            OnNullValues = config.GetRequiredString("behavior.on.null.values"),
            OnMalformedDocuments = config.GetRequiredString("behavior.on.malformed.documents"),
            BatchSize = config.GetInt("batch.size", min: 1),
            MaxRetries = config.GetInt("max.retries", min: 0),
            RetryBackoffMs = config.GetInt("retry.backoff.ms", min: 0),
            RetryBackoffMaxMs = config.GetInt("retry.backoff.max.ms", min: 0),
            ReadTimeoutMs = config.GetInt("read.timeout.ms", min: 1),
        };
        if (options.KeyIgnore && options.OnNullValues == "delete")
        {
            // ElasticsearchSinkConnectorConfig: deleting needs the key as the document id.
            config.AddError(
                "behavior.on.null.values",
                "delete needs key.ignore=false (the key is the document id)"
            );
        }
        if (options.KeyIgnore && options.Upsert)
        {
            config.AddError(
                "write.method",
                "upsert needs key.ignore=false (the key is the document id)"
            );
        }
        config.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without the password.</summary>
    public override string ToString() =>
        $"ElasticsearchSinkOptions {{ connection.url = {Url.GetLeftPart(UriPartial.Authority)}, connection.username = {Username}, connection.password = [hidden], key.ignore = {KeyIgnore}, write.method = {(Upsert ? "upsert" : "insert")}, batch.size = {BatchSize} }}";
}
