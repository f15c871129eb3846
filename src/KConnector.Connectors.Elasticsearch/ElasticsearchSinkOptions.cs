using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// The Elasticsearch sink's configuration, with the keys, meanings and defaults of Confluent's
/// Elasticsearch sink connector (<c>ElasticsearchSinkConnectorConfig</c>).
/// </summary>
[TypedConfigKeys(typeof(ElasticsearchSink))]
public sealed partial record ElasticsearchSinkOptions
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
    [ConfigKeyProperty("connection.url")]
    public required Uri Url { get; init; }

    /// <summary>connection.username.</summary>
    [ConfigKeyProperty("connection.username")]
    public string? Username { get; init; }

    /// <summary>connection.password (secret).</summary>
    [ConfigKeyProperty("connection.password")]
    public Password? Password { get; init; }

    /// <summary>write.method = upsert.</summary>
    [ConfigKeyProperty("write.method")]
    public bool Upsert { get; init; }

    /// <summary>behavior.on.null.values.</summary>
    [ConfigKeyProperty("behavior.on.null.values")]
    public string OnNullValues { get; init; }

    /// <summary>behavior.on.malformed.documents.</summary>
    [ConfigKeyProperty("behavior.on.malformed.documents")]
    public string OnMalformedDocuments { get; init; }

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
        var options = new ElasticsearchSinkOptions(parsed)
        {
            Url = url ?? new Uri("http://invalid"),
            Upsert = string.Equals(
                parsed.Get<string>("write.method"),
                "upsert",
                StringComparison.OrdinalIgnoreCase
            ),
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
