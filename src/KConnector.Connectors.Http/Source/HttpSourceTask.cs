using System.Text.Json;
using KConnector.Configuration;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Transport;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors.Http.Source;

/// <summary>
/// Polls a paged REST API (in the manner of Salesforce's query API) into typed records. Every
/// request.interval.ms a listing starts at <c>url</c> with <c>${offset}</c> replaced by the last
/// offset; its pages are walked by cursor (the response's next-page URL or token) or by page
/// number; each record's incrementing field (http.offset.json.pointer) is its source offset, and a
/// record at or below the last offset is skipped. One page per <see cref="PollAsync"/> call.
/// </summary>
/// <typeparam name="TValue">The record type JSON objects become (fields matched by name).</typeparam>
public sealed class HttpSourceTask<TValue> : ISourceTask<string, TValue>, IDisposable
{
    private const string OffsetKey = "offset";
    private readonly HttpSourceOptions _options;
    private readonly RecordAccessor<TValue> _value;
    private readonly HttpClient _client;
    private readonly HttpRetryingSender _sender;
    private readonly TimeProvider _time;
    private readonly object?[] _values;
    private readonly bool _offsetGiven;
    private readonly Dictionary<string, string> _partition;
    private string _offset;
    private string _emitted;
    private Uri? _next;
    private int _page;
    private DateTimeOffset _roundStart;
    private DateTimeOffset _nextRound = DateTimeOffset.MinValue;

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="value">Builds a <typeparamref name="TValue"/> from a JSON object's field values.</param>
    /// <param name="storedOffset">The last committed offset of a source partition, or null (Kafka Connect's <c>OffsetStorageReader</c>).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where retries are logged; never given secrets.</param>
    public HttpSourceTask(
        HttpSourceOptions options,
        RecordAccessor<TValue> value,
        Func<
            IReadOnlyDictionary<string, string>,
            IReadOnlyDictionary<string, string>?
        >? storedOffset = null,
        TimeProvider? time = null,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(value);
        _options = options;
        _value = value;
        _time = time ?? TimeProvider.System;
        _client = new HttpClient
        {
            Timeout = TimeSpan.FromMilliseconds(options.Request.RequestTimeoutMs),
        };
        _sender = new HttpRetryingSender(
            _client,
            options.MaxRetries,
            options.RetryBackoffMs,
            options.RetryBackoffMaxMs,
            _time,
            logger ?? NullLogger.Instance
        );
        _values = new object?[value.Shape.Fields.Count];
        // The partition is the listing without its query (which may carry secrets or the offset).
        _partition = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = options.Request.UrlTemplate.Split('?')[0],
        };
        _offsetGiven = storedOffset is not null;
        _offset =
            storedOffset?.Invoke(_partition) is { } stored
            && stored.TryGetValue(OffsetKey, out var text)
                ? text
                : options.InitialOffset;
        _emitted = _offset;
    }

    /// <summary>
    /// Run by a worker: the committed offset comes from its offset store (Kafka Connect's
    /// <c>OffsetStorageReader</c>) unless the constructor was given a reader of its own.
    /// </summary>
    public void Initialize(SourceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (
            !_offsetGiven
            && context.OffsetStorageReader.Offset(_partition) is { } stored
            && stored.TryGetValue(OffsetKey, out var text)
        )
        {
            _offset = text;
            _emitted = text;
        }
    }

    /// <summary>The source partition of every record: <c>{"url": listing URL without query}</c>.</summary>
    public IReadOnlyDictionary<string, string> Partition => _partition;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SourceRecord<string, TValue>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        if (_next is null)
        {
            var wait = _nextRound - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            _roundStart = _time.GetUtcNow();
            _page = _options.PageStart;
            _next = FirstPage();
        }
        var url = _next;
        using var response = await _sender
            .SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Accept.ParseAdd("application/json");
                    _options.Request.Apply(request);
                    return request;
                },
                Stage.TASK_POLL,
                "HTTP source",
                cancellationToken
            )
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            EndRound();
            var body = await response
                .Content.ReadAsStringAsync(cancellationToken)
                .ConfigureAwait(false);
            throw new ConnectException(
                Stage.TASK_POLL,
                $"HTTP source: {UrlRedaction.Redact(url)} answered {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}"
            );
        }
        var bytes = await response
            .Content.ReadAsByteArrayAsync(cancellationToken)
            .ConfigureAwait(false);
        var records = new List<SourceRecord<string, TValue>>();
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (
                !JsonPointer.TryEvaluate(document.RootElement, _options.DataPointer, out var data)
                || data.ValueKind != JsonValueKind.Array
            )
            {
                throw new FormatException(
                    $"http.response.data.json.pointer: '{_options.DataPointer}' does not designate an array in the response"
                );
            }
            var index = 0;
            foreach (var item in data.EnumerateArray())
            {
                if (!JsonPointer.TryEvaluate(item, _options.OffsetPointer, out var offsetElement))
                {
                    throw new FormatException(
                        $"http.offset.json.pointer: record {index} of the page has no '{_options.OffsetPointer}'"
                    );
                }
                var offset = JsonFieldReader.ScalarText(offsetElement);
                index++;
                if (JsonFieldReader.CompareOffsets(offset, _emitted) <= 0)
                {
                    continue; // at or below the last offset: already delivered (an API filtering with >=, or a replayed page)
                }
                JsonFieldReader.Read(item, _value.Shape, _values);
                records.Add(
                    new SourceRecord<string, TValue>
                    {
                        Topic = _options.Topic,
                        Value = _value.Create(_values),
                        SourcePartition = _partition,
                        SourceOffset = new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            [OffsetKey] = offset,
                        },
                    }
                );
                _emitted = offset;
            }
            _next = NextPage(document.RootElement, url, data.GetArrayLength());
        }
        catch (Exception e)
            when (e is JsonException or FormatException or InvalidOperationException)
        {
            EndRound();
            throw new ConnectException(
                Stage.TASK_POLL,
                $"HTTP source: the response of {UrlRedaction.Redact(url)} cannot be read: {e.Message}",
                e
            );
        }
        if (_next is null)
        {
            EndRound();
        }
        return records;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private void EndRound()
    {
        _next = null;
        _offset = _emitted;
        _nextRound = _roundStart.AddMilliseconds(_options.RequestIntervalMs);
    }

    private Uri FirstPage()
    {
        var escaped = Uri.EscapeDataString(_offset);
        var text = _options.Request.UrlTemplate.Replace(
            "${offset}",
            escaped,
            StringComparison.Ordinal
        );
        var parameters = _options.Parameters.Replace(
            "${offset}",
            escaped,
            StringComparison.Ordinal
        );
        var uri = new Uri(AppendQuery(text, parameters));
        return _options.Pagination == HttpPaginationMode.Page
            ? WithParameter(
                uri,
                _options.PageParam,
                _page.ToString(System.Globalization.CultureInfo.InvariantCulture)
            )
            : uri;
    }

    private Uri? NextPage(JsonElement root, Uri current, int count)
    {
        switch (_options.Pagination)
        {
            case HttpPaginationMode.Cursor:
                if (
                    !JsonPointer.TryEvaluate(root, _options.NextPagePointer, out var next)
                    || next.ValueKind is JsonValueKind.Null or JsonValueKind.False
                )
                {
                    return null;
                }
                var cursor = JsonFieldReader.ScalarText(next);
                if (cursor.Length == 0)
                {
                    return null;
                }
                return
                    cursor.StartsWith('/')
                    || cursor.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || cursor.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    ? new Uri(current, cursor)
                    : WithParameter(FirstPage(), _options.CursorParam, cursor);
            case HttpPaginationMode.Page:
                if (count == 0)
                {
                    return null;
                }
                _page++;
                return WithParameter(
                    current,
                    _options.PageParam,
                    _page.ToString(System.Globalization.CultureInfo.InvariantCulture)
                );
            default:
                return null;
        }
    }

    private static string AppendQuery(string url, string parameters) =>
        parameters.Length == 0
            ? url
            : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameters;

    private static Uri WithParameter(Uri uri, string name, string value)
    {
        var query = uri
            .Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal))
            .Append(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        return new UriBuilder(uri) { Query = string.Join('&', query) }.Uri;
    }
}
