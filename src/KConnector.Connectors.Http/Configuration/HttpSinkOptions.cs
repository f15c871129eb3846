using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The HTTP sink's configuration, with the keys of Confluent's HTTP sink connector where it has
/// them (<c>http.api.url</c>, <c>request.method</c>, <c>batch.max.size</c>, <c>max.retries</c>,
/// <c>retry.backoff.ms</c>, <c>behavior.on.null.values</c>) and our own for the rest.
/// </summary>
[TypedConfigKeys(typeof(global::KConnector.Connectors.Http.HttpSink))]
public sealed partial record HttpSinkOptions
{
    /// <summary>
    /// The HTTP sink's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Http.HttpSink.Definition;

    /// <summary>Every key the HTTP sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>URL, auth, headers, timeout.</summary>
    [ConfigKeyProperty("http.api.url")]
    [ConfigKeyProperty(typeof(HttpRequestKeys))]
    public required HttpRequestSettings Request { get; init; }

    /// <summary>request.method.</summary>
    [ConfigKeyProperty("request.method")]
    public HttpMethod Method { get; init; } = DefaultMethod;

    /// <summary>behavior.on.null.values = fail.</summary>
    [ConfigKeyProperty("behavior.on.null.values")]
    public bool FailOnNullValues { get; init; }

    // request.method's default as the descriptor states it (POST), for options built in code.
    private static HttpMethod DefaultMethod { get; } =
        new(Definition.Find("request.method")!.DefaultValue!.ToUpperInvariant());

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
        var options = new HttpSinkOptions(parsed)
        {
            Request = HttpRequestSettings.Read(parsed),
            Method = parsed.Get<string>("request.method") is { Length: > 0 } method
                ? new HttpMethod(method.ToUpperInvariant())
                : DefaultMethod,
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
