using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KConnector.Connectors.Errors;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Transport;
using KConnector.Errors;
using KConnector.Json;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors.Elasticsearch;

/// <summary>
/// Writes records to Elasticsearch through the REST bulk API (<c>POST /_bulk</c>, NDJSON), as
/// Confluent's Elasticsearch sink connector: the index is the topic (lower-cased, as index names
/// must be), the document id is the record key (or topic+partition+offset with key.ignore),
/// write.method insert (<c>index</c>) or upsert (<c>update</c> with <c>doc_as_upsert</c>), and a
/// tombstone deletes the document with behavior.on.null.values=delete. Each item of a bulk answer
/// is judged on its own: 429 and 5xx items are sent again (only they, bounded by max.retries),
/// malformed documents follow behavior.on.malformed.documents, other rejected items are failed
/// records, reported after the put by a <see cref="SinkRecordsFailedException"/> for the
/// dead-letter queue.
/// </summary>
/// <typeparam name="TKey">The key type: a string or a number (the document id).</typeparam>
/// <typeparam name="TValue">A generated type that writes itself as JSON (the document).</typeparam>
public sealed class ElasticsearchSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>, IDisposable
    where TValue : IJsonRecord<TValue>
{
    // The error types Confluent's sink treats as malformed documents (BulkProcessor.MALFORMED_DOC_ERRORS),
    // plus document_parsing_exception, which Elasticsearch 8 reports instead of mapper_parsing_exception.
    private static readonly HashSet<string> MalformedErrors = new(StringComparer.Ordinal)
    {
        "mapper_parsing_exception",
        "document_parsing_exception",
        "illegal_argument_exception",
        "action_request_validation_exception",
    };

    private readonly ElasticsearchSinkOptions _options;
    private readonly RecordShape? _shape;
    private readonly HttpClient _client;
    private readonly HttpRetryingSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<string> _indexes = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="shape">The record schema (e.g. <c>RecordShape.FromAvroSchema(Order.AvroSchemaJson)</c>); needed with schema.ignore=false to create index mappings.</param>
    /// <param name="time">The clock used for backoff.</param>
    /// <param name="logger">Where retries and warned documents are logged; never given secrets or document bodies.</param>
    public ElasticsearchSinkTask(
        ElasticsearchSinkOptions options,
        RecordShape? shape = null,
        TimeProvider? time = null,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.SchemaIgnore && shape is null)
        {
            throw new KConnector.Configuration.ConfigValidationException(
                ElasticsearchSinkOptions.Definition.ConnectorClass,
                [
                    new KConnector.Configuration.ConfigIssue(
                        "schema.ignore",
                        "false creates index mappings from the record schema: pass the record's RecordShape, or set schema.ignore=true"
                    ),
                ]
            );
        }
        _options = options;
        _shape = shape;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(options.ReadTimeoutMs) };
        _sender = new HttpRetryingSender(
            _client,
            options.MaxRetries,
            options.RetryBackoffMs,
            options.RetryBackoffMaxMs,
            _time,
            _logger
        );
        _json = new Utf8JsonWriter(_line, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Bulk requests answered so far.</summary>
    public long BulkRequests { get; private set; }

    /// <inheritdoc />
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var failed = new List<FailedRecord>();
        var batch = new List<BulkItem>(Math.Min(records.Count, _options.BatchSize));
        foreach (var record in records)
        {
            var item = ToItem(record, failed);
            if (item is null)
            {
                continue;
            }
            batch.Add(item);
            if (batch.Count == _options.BatchSize)
            {
                await SendAsync(batch, failed, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await SendAsync(batch, failed, cancellationToken).ConfigureAwait(false);
        }
        SinkRecordsFailedException.ThrowIfAny("Elasticsearch sink", failed, records.Count);
    }

    /// <summary>Nothing is buffered: every put has been answered by the time it returns.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _client.Dispose();
    }

    private BulkItem? ToItem(SinkRecord<TKey, TValue> record, List<FailedRecord> failed)
    {
        var index = record.Topic.ToLowerInvariant();
        string id;
        if (_options.KeyIgnore)
        {
            id =
                $"{record.Topic}+{record.Partition.ToString(CultureInfo.InvariantCulture)}+{record.Offset.ToString(CultureInfo.InvariantCulture)}";
        }
        else if (
            record.Key switch
            {
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            } is
            { } key
        )
        {
            id = key;
        }
        else
        {
            failed.Add(
                Fail(
                    record,
                    record.Key is null
                        ? "null key with key.ignore=false"
                        : "the key is neither a string nor a number (key.ignore=false uses it as the document id)"
                )
            );
            return null;
        }
        _line.ResetWrittenCount();
        _json.Reset();
        if (record.Value is null)
        {
            switch (_options.OnNullValues)
            {
                case "ignore":
                    return null;
                case "delete":
                    WriteAction("delete", index, id);
                    _line.Write("\n"u8);
                    return new BulkItem(record, index, _line.WrittenSpan.ToArray(), IsDelete: true);
                default:
                    failed.Add(
                        Fail(record, "null value (tombstone) with behavior.on.null.values=fail")
                    );
                    return null;
            }
        }
        WriteAction(_options.Upsert ? "update" : "index", index, id);
        _line.Write("\n"u8);
        _json.Reset();
        if (_options.Upsert)
        {
            _json.WriteStartObject();
            _json.WritePropertyName("doc");
            TValue.WriteJson(_json, record.Value);
            _json.WriteBoolean("doc_as_upsert", true);
            _json.WriteEndObject();
        }
        else
        {
            TValue.WriteJson(_json, record.Value);
        }
        _json.Flush();
        _line.Write("\n"u8);
        return new BulkItem(record, index, _line.WrittenSpan.ToArray(), IsDelete: false);
    }

    private void WriteAction(string action, string index, string id)
    {
        _json.WriteStartObject();
        _json.WriteStartObject(action);
        _json.WriteString("_index", index);
        _json.WriteString("_id", id);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
    }

    private async Task SendAsync(
        List<BulkItem> batch,
        List<FailedRecord> failed,
        CancellationToken cancellationToken
    )
    {
        await EnsureIndexesAsync(batch, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<BulkItem> items = batch;
        for (var attempt = 0; ; attempt++)
        {
            var retry = await SendOnceAsync(items, failed, cancellationToken).ConfigureAwait(false);
            if (retry.Count == 0)
            {
                return;
            }
            if (attempt >= _options.MaxRetries)
            {
                var first = retry[0].Record;
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"Elasticsearch sink: {retry.Count} bulk items were still rejected with 429/5xx after {_options.MaxRetries} retries (first {first.Topic}-{first.Partition}@{first.Offset}); they are not committed"
                );
            }
            var wait = Math.Min(
                _options.RetryBackoffMaxMs,
                _options.RetryBackoffMs * Math.Pow(2, Math.Min(attempt, 30))
            );
            _logger.LogWarning(
                "Elasticsearch sink: {Count} bulk items rejected with 429/5xx; retry {Attempt} of {Max} in {Wait} ms",
                retry.Count,
                attempt + 1,
                _options.MaxRetries,
                (int)wait
            );
            await Task.Delay(TimeSpan.FromMilliseconds(wait), _time, cancellationToken)
                .ConfigureAwait(false);
            items = retry;
        }
    }

    /// <summary>Sends one bulk request; returns the items to send again (429/5xx).</summary>
    private async Task<List<BulkItem>> SendOnceAsync(
        IReadOnlyList<BulkItem> items,
        List<FailedRecord> failed,
        CancellationToken cancellationToken
    )
    {
        var body = new byte[items.Sum(i => i.Lines.Length)];
        var at = 0;
        foreach (var item in items)
        {
            item.Lines.CopyTo(body, at);
            at += item.Lines.Length;
        }
        using var response = await _sender
            .SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(
                        HttpMethod.Post,
                        new Uri(_options.Url, "_bulk")
                    )
                    {
                        Content = new ByteArrayContent(body)
                        {
                            Headers =
                            {
                                ContentType = new MediaTypeHeaderValue("application/x-ndjson"),
                            },
                        },
                    };
                    Authorize(request);
                    return request;
                },
                Stage.TASK_PUT,
                "Elasticsearch sink",
                cancellationToken
            )
            .ConfigureAwait(false);
        var answer = await response
            .Content.ReadAsByteArrayAsync(cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = Encoding.UTF8.GetString(answer);
            throw new ConnectException(
                Stage.TASK_PUT,
                $"Elasticsearch sink: the bulk request was answered {(int)response.StatusCode}{(HttpRetryingSender.IsRetriable(response.StatusCode) ? $" after {_options.MaxRetries} retries" : string.Empty)}: {(text.Length > 200 ? text[..200] : text)}"
            );
        }
        BulkRequests++;
        var retry = new List<BulkItem>();
        using var document = JsonDocument.Parse(answer);
        if (
            !document.RootElement.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.True
        )
        {
            return retry;
        }
        var results = document.RootElement.GetProperty("items");
        if (results.GetArrayLength() != items.Count)
        {
            throw new ConnectException(
                Stage.TASK_PUT,
                $"Elasticsearch sink: the bulk answer has {results.GetArrayLength()} items for {items.Count} actions"
            );
        }
        var i = 0;
        foreach (var result in results.EnumerateArray())
        {
            var item = items[i++];
            var outcome = result.EnumerateObject().First().Value;
            var status = outcome.TryGetProperty("status", out var s) ? s.GetInt32() : 500;
            if (
                status is >= 200 and < 300
                || (item.IsDelete && status == (int)HttpStatusCode.NotFound)
            )
            {
                continue; // written; deleting a document that is not there is done, as in the Confluent sink
            }
            var type =
                outcome.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("type", out var t)
                    ? t.GetString() ?? "unknown"
                    : "unknown";
            var reason =
                error.ValueKind == JsonValueKind.Object && error.TryGetProperty("reason", out var r)
                    ? r.GetString() ?? string.Empty
                    : string.Empty;
            if (status == 429 || status >= 500)
            {
                retry.Add(item);
                continue;
            }
            var description = $"{status} {type}: {reason}";
            if (MalformedErrors.Contains(type))
            {
                switch (_options.OnMalformedDocuments)
                {
                    case "ignore":
                        continue;
                    case "warn":
                        _logger.LogWarning(
                            "Elasticsearch sink: skipped malformed document {Topic}-{Partition}@{Offset} in index {Index}: {Error}",
                            item.Record.Topic,
                            item.Record.Partition,
                            item.Record.Offset,
                            item.Index,
                            description
                        );
                        continue;
                    default:
                        break;
                }
            }
            failed.Add(Fail(item.Record, description));
        }
        return retry;
    }

    private async Task EnsureIndexesAsync(List<BulkItem> batch, CancellationToken cancellationToken)
    {
        if (_options.SchemaIgnore)
        {
            return;
        }
        foreach (var index in batch.Select(b => b.Index).Distinct())
        {
            if (_indexes.Contains(index))
            {
                continue;
            }
            var uri = new Uri(_options.Url, Uri.EscapeDataString(index));
            using (
                var head = await _sender
                    .SendAsync(
                        () => Authorized(new HttpRequestMessage(HttpMethod.Head, uri)),
                        Stage.TASK_PUT,
                        "Elasticsearch sink",
                        cancellationToken
                    )
                    .ConfigureAwait(false)
            )
            {
                if (head.IsSuccessStatusCode)
                {
                    _indexes.Add(index);
                    continue;
                }
                if (head.StatusCode != HttpStatusCode.NotFound)
                {
                    throw new ConnectException(
                        Stage.TASK_PUT,
                        $"Elasticsearch sink: checking index {index} was answered {(int)head.StatusCode}"
                    );
                }
            }
            var mapping = ElasticsearchMapping.Build(_shape!);
            using var put = await _sender
                .SendAsync(
                    () =>
                        Authorized(
                            new HttpRequestMessage(HttpMethod.Put, uri)
                            {
                                Content = new ByteArrayContent(mapping)
                                {
                                    Headers =
                                    {
                                        ContentType = new MediaTypeHeaderValue("application/json"),
                                    },
                                },
                            }
                        ),
                    Stage.TASK_PUT,
                    "Elasticsearch sink",
                    cancellationToken
                )
                .ConfigureAwait(false);
            var text = await put.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            // Another task may have created it first.
            if (
                !put.IsSuccessStatusCode
                && !text.Contains("resource_already_exists_exception", StringComparison.Ordinal)
            )
            {
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"Elasticsearch sink: creating index {index} was answered {(int)put.StatusCode}: {(text.Length > 200 ? text[..200] : text)}"
                );
            }
            _logger.LogInformation(
                "Elasticsearch sink created index {Index} with a mapping from {Schema}",
                index,
                _shape!.Name
            );
            _indexes.Add(index);
        }
    }

    private HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        Authorize(request);
        return request;
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(_options.Username))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(
                    Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password?.Value}")
                )
            );
        }
    }

    private static FailedRecord Fail(SinkRecord<TKey, TValue> record, string reason) =>
        new(record.Topic, record.Partition, record.Offset, reason);

    private sealed record BulkItem(
        SinkRecord<TKey, TValue> Record,
        string Index,
        byte[] Lines,
        bool IsDelete
    );
}
