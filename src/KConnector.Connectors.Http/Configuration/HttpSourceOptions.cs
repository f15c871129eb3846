using KConnector.Connectors.Configuration;

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
    /// <summary>Every key the HTTP source reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        .. HttpRequestSettings.KeysWithUrl(
            "url",
            "The listing URL; ${offset} is replaced by the last offset (URL-encoded)."
        ),
        ConfigKey.Require(
            "topic.name.pattern",
            ConfigType.String,
            ConfigImportance.High,
            "The topic records are written to."
        ),
        new(
            "http.request.parameters",
            ConfigType.String,
            "",
            ConfigImportance.Medium,
            "Extra query parameters, name=value separated by &; ${offset} is replaced by the last offset."
        ),
        new(
            "http.response.data.json.pointer",
            ConfigType.String,
            "",
            ConfigImportance.High,
            "JSON Pointer to the array of records in a response (Salesforce: /records); empty: the body is the array."
        ),
        ConfigKey.Require(
            "http.offset.json.pointer",
            ConfigType.String,
            ConfigImportance.High,
            "JSON Pointer, within one record, to its incrementing field (an id or an ISO timestamp): the source offset."
        ),
        new(
            "http.initial.offset",
            ConfigType.String,
            "0",
            ConfigImportance.Medium,
            "The offset of the first round, when none is stored."
        ),
        new(
            "http.pagination.mode",
            ConfigType.String,
            "none",
            ConfigImportance.Medium,
            "How one listing is paged: none, cursor (http.next.page.json.pointer) or page (http.page.param)."
        )
        {
            ValidValues = ["none", "cursor", "page"],
        },
        new(
            "http.next.page.json.pointer",
            ConfigType.String,
            "",
            ConfigImportance.Medium,
            "JSON Pointer to the next page's URL or cursor token in a response (Salesforce: /nextRecordsUrl); cursor mode."
        ),
        new(
            "http.cursor.param",
            ConfigType.String,
            "cursor",
            ConfigImportance.Low,
            "Query parameter that carries a cursor token that is not a URL; cursor mode."
        ),
        new(
            "http.page.param",
            ConfigType.String,
            "page",
            ConfigImportance.Low,
            "Query parameter of the page number; page mode."
        ),
        new(
            "http.page.start",
            ConfigType.Int,
            "1",
            ConfigImportance.Low,
            "Number of the first page; page mode."
        ),
        new(
            "request.interval.ms",
            ConfigType.Int,
            "15000",
            ConfigImportance.High,
            "Milliseconds between the starts of two listings."
        ),
        new(
            "max.retries",
            ConfigType.Int,
            "10",
            ConfigImportance.Medium,
            "Retries of a request answered 408, 429 or 5xx, or that failed to connect."
        ),
        new(
            "retry.backoff.ms",
            ConfigType.Int,
            "3000",
            ConfigImportance.Medium,
            "First pause between retries, doubled each retry, unless the server sends Retry-After."
        ),
        new(
            "retry.backoff.max.ms",
            ConfigType.Int,
            "60000",
            ConfigImportance.Low,
            "Longest pause between retries, also the cap on Retry-After."
        ),
    ];

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

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static HttpSourceOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("HTTP source", Keys, properties);
        var options = new HttpSourceOptions
        {
            Request = HttpRequestSettings.Read(config, "url"),
            Topic = config.GetRequiredString("topic.name.pattern"),
            Parameters = config.GetRequiredString("http.request.parameters"),
            DataPointer = config.GetRequiredString("http.response.data.json.pointer"),
            OffsetPointer = config.GetRequiredString("http.offset.json.pointer"),
            InitialOffset = config.GetRequiredString("http.initial.offset"),
            Pagination = config.GetString("http.pagination.mode") switch
            {
                "cursor" => HttpPaginationMode.Cursor,
                "page" => HttpPaginationMode.Page,
                _ => HttpPaginationMode.None,
            },
            NextPagePointer = config.GetRequiredString("http.next.page.json.pointer"),
            CursorParam = config.GetRequiredString("http.cursor.param"),
            PageParam = config.GetRequiredString("http.page.param"),
            PageStart = config.GetInt("http.page.start", min: 0),
            RequestIntervalMs = config.GetInt("request.interval.ms", min: 1),
            MaxRetries = config.GetInt("max.retries", min: 0),
            RetryBackoffMs = config.GetInt("retry.backoff.ms", min: 0),
            RetryBackoffMaxMs = config.GetInt("retry.backoff.max.ms", min: 0),
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
                config.AddError(
                    key,
                    $"'{pointer}' is not a JSON Pointer (RFC 6901): it must start with '/'"
                );
            }
        }
        if (options.Pagination == HttpPaginationMode.Cursor && options.NextPagePointer.Length == 0)
        {
            config.AddError(
                "http.next.page.json.pointer",
                "is required with http.pagination.mode=cursor"
            );
        }
        config.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without secrets.</summary>
    public override string ToString() =>
        $"HttpSourceOptions {{ {Request}, topic.name.pattern = {Topic}, http.pagination.mode = {Pagination} }}";
}
