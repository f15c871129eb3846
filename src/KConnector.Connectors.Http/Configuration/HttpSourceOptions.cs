using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Http.Configuration;

/// <summary>
/// The HTTP source's configuration, with the keys of Confluent's HTTP source connector where it
/// has them (<c>url</c> with its <c>${offset}</c> template, <c>topic.name.pattern</c>,
/// <c>http.request.parameters</c>, <c>http.response.data.json.pointer</c>,
/// <c>http.offset.json.pointer</c>, <c>http.next.page.json.pointer</c>, <c>http.initial.offset</c>,
/// <c>request.interval.ms</c>) and our own for page-number pagination.
/// </summary>
[TypedConfigKeys(typeof(global::KConnector.Connectors.Http.HttpSource))]
public sealed partial record HttpSourceOptions
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
    [ConfigKeyProperty("url")]
    [ConfigKeyProperty(typeof(HttpRequestKeys))]
    public required HttpRequestSettings Request { get; init; }

    /// <summary>topic.name.pattern.</summary>
    [ConfigKeyProperty("topic.name.pattern")]
    public required string Topic { get; init; }

    /// <summary>http.request.parameters.</summary>
    [ConfigKeyProperty("http.request.parameters")]
    public string Parameters { get; init; }

    /// <summary>http.response.data.json.pointer.</summary>
    [ConfigKeyProperty("http.response.data.json.pointer")]
    public string DataPointer { get; init; }

    /// <summary>http.offset.json.pointer.</summary>
    [ConfigKeyProperty("http.offset.json.pointer")]
    public required string OffsetPointer { get; init; }

    /// <summary>http.initial.offset.</summary>
    [ConfigKeyProperty("http.initial.offset")]
    public string InitialOffset { get; init; }

    /// <summary>http.pagination.mode.</summary>
    [ConfigKeyProperty("http.pagination.mode")]
    public HttpPaginationMode Pagination { get; init; }

    /// <summary>http.next.page.json.pointer.</summary>
    [ConfigKeyProperty("http.next.page.json.pointer")]
    public string NextPagePointer { get; init; }

    /// <summary>http.cursor.param.</summary>
    [ConfigKeyProperty("http.cursor.param")]
    public string CursorParam { get; init; }

    /// <summary>http.page.param.</summary>
    [ConfigKeyProperty("http.page.param")]
    public string PageParam { get; init; }

    /// <summary>http.page.start.</summary>
    [ConfigKeyProperty("http.page.start")]
    public int PageStart { get; init; }

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
        var options = new HttpSourceOptions(parsed)
        {
            Request = HttpRequestSettings.Read(parsed, "url"),
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
