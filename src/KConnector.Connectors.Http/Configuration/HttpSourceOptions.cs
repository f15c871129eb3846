using KConnector.Configuration;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The HTTP source's configuration, with the keys of Confluent's HTTP source connector where it
/// has them (<c>url</c> with its <c>${offset}</c> template, <c>topic.name.pattern</c>,
/// <c>http.request.parameters</c>, <c>http.response.data.json.pointer</c>,
/// <c>http.offset.json.pointer</c>, <c>http.next.page.json.pointer</c>, <c>http.initial.offset</c>,
/// <c>request.interval.ms</c>) and our own for page-number pagination.
/// </summary>
public sealed record HttpSourceOptions
{
    /// <summary>
    /// The HTTP source's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Http.HttpSource.Definition;

    /// <summary>Every key the HTTP source reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>URL, auth, headers, timeout.</summary>
    public required HttpRequestSettings Request { get; init; }

    /// <summary>topic.name.pattern.</summary>
    public required string Topic { get; init; }

    /// <summary>http.request.parameters.</summary>
    public string Parameters { get; init; } = string.Empty;

    /// <summary>http.response.data.json.pointer.</summary>
    public string DataPointer { get; init; } = string.Empty;

    /// <summary>http.offset.json.pointer.</summary>
    public required string OffsetPointer { get; init; }

    /// <summary>http.initial.offset.</summary>
    public string InitialOffset { get; init; } = "0";

    /// <summary>http.pagination.mode.</summary>
    public HttpPaginationMode Pagination { get; init; }

    /// <summary>http.next.page.json.pointer.</summary>
    public string NextPagePointer { get; init; } = string.Empty;

    /// <summary>http.cursor.param.</summary>
    public string CursorParam { get; init; } = "cursor";

    /// <summary>http.page.param.</summary>
    public string PageParam { get; init; } = "page";

    /// <summary>http.page.start.</summary>
    public int PageStart { get; init; } = 1;

    /// <summary>request.interval.ms.</summary>
    public int RequestIntervalMs { get; init; } = 15000;

    /// <summary>max.retries.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>retry.backoff.ms.</summary>
    public int RetryBackoffMs { get; init; } = 3000;

    /// <summary>retry.backoff.max.ms.</summary>
    public int RetryBackoffMaxMs { get; init; } = 60000;

    /// <summary>
    /// Parses and validates the HTTP source's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static HttpSourceOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var options = new HttpSourceOptions
        {
            Request = HttpRequestSettings.Read(parsed, "url"),
            Topic = parsed.Get<string>("topic.name.pattern") ?? string.Empty,
            Parameters = parsed.Get<string>("http.request.parameters") ?? string.Empty,
            DataPointer = parsed.Get<string>("http.response.data.json.pointer") ?? string.Empty,
            OffsetPointer = parsed.Get<string>("http.offset.json.pointer") ?? string.Empty,
            InitialOffset = parsed.Get<string>("http.initial.offset") ?? "0",
            Pagination = parsed.Get<string>("http.pagination.mode")?.ToLowerInvariant() switch
            {
                "cursor" => HttpPaginationMode.Cursor,
                "page" => HttpPaginationMode.Page,
                _ => HttpPaginationMode.None,
            },
            NextPagePointer = parsed.Get<string>("http.next.page.json.pointer") ?? string.Empty,
            CursorParam = parsed.Get<string>("http.cursor.param") ?? "cursor",
            PageParam = parsed.Get<string>("http.page.param") ?? "page",
            PageStart = parsed.Get<int>("http.page.start"),
            RequestIntervalMs = parsed.Get<int>("request.interval.ms"),
            MaxRetries = parsed.Get<int>("max.retries"),
            RetryBackoffMs = parsed.Get<int>("retry.backoff.ms"),
            RetryBackoffMaxMs = parsed.Get<int>("retry.backoff.max.ms"),
        };
        foreach (
            var (key, pointer) in new[]
            {
                ("http.response.data.json.pointer", options.DataPointer),
                ("http.offset.json.pointer", options.OffsetPointer),
                ("http.next.page.json.pointer", options.NextPagePointer),
            }
        )
        {
            if (pointer.Length > 0 && pointer[0] != '/')
            {
                parsed.AddIssue(
                    key,
                    $"'{pointer}' is not a JSON Pointer (RFC 6901): it must start with '/'"
                );
            }
        }
        if (options.Pagination == HttpPaginationMode.Cursor && options.NextPagePointer.Length == 0)
        {
            parsed.AddIssue(
                "http.next.page.json.pointer",
                "is required with http.pagination.mode=cursor"
            );
        }
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"HttpSourceOptions {{ {Request}, topic.name.pattern = {Topic}, http.pagination.mode = {Pagination} }}";
}
