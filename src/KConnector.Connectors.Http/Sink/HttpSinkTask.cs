using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using KConnector.Configuration;
using KConnector.Connectors.Errors;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Transport;
using KConnector.Errors;
using KConnector.Json;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors.Http.Sink;

/// <summary>
/// Sends records to an HTTP endpoint (a webhook, an AWS Lambda function URL) as JSON written by
/// the generated <c>WriteJson</c>: one object per request (batch.max.size=1) or an array of up to
/// batch.max.size objects. Retries 408, 429 and 5xx (honouring Retry-After) and connection
/// failures; when those are exhausted the endpoint is unavailable, not the records bad: the put
/// throws a <see cref="DependencyUnavailableException"/> that the worker retries until
/// errors.retry.timeout (nothing is dead-lettered, nothing committed, and the records answered
/// before the outage are not sent again). A request answered with another 4xx refuses its records,
/// and a 2xx answer may name refused items with AWS Lambda's partial-batch-response shape
/// (<c>{"batchItemFailures":[{"itemIdentifier":"1"}]}</c>, the identifier being the record's
/// index in the request's array or <c>topic-partition-offset</c>). Refused records are the
/// rejections of <see cref="TryPutAsync"/>, for errors.tolerance and the dead-letter queue.
/// </summary>
/// <typeparam name="TKey">The key type (not sent).</typeparam>
/// <typeparam name="TValue">A generated type that writes itself as JSON.</typeparam>
public sealed class HttpSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>, IDisposable
    where TValue : IJsonRecord<TValue>
{
    private readonly HttpSinkOptions _options;
    private readonly HttpClient _client;
    private readonly HttpRetryingSender _sender;
    private readonly ArrayBufferWriter<byte> _body = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly UnfinishedPut _unfinished = new();

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="time">The clock used for backoff (tests may pass a fake one).</param>
    /// <param name="logger">Where retries are logged; never given secrets or bodies.</param>
    public HttpSinkTask(HttpSinkOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new HttpClient
        {
            Timeout = TimeSpan.FromMilliseconds(options.Request.RequestTimeoutMs),
        };
        _sender = new HttpRetryingSender(
            _client,
            options.MaxRetries,
            options.RetryBackoffMs,
            options.RetryBackoffMaxMs,
            time ?? TimeProvider.System,
            logger ?? NullLogger.Instance
        );
        _json = new Utf8JsonWriter(_body, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Requests answered 2xx so far.</summary>
    public long RequestsSent { get; private set; }

    /// <summary>
    /// Sends the records, as <see cref="TryPutAsync"/>, and throws what it would report: a
    /// <see cref="DependencyUnavailableException"/> when the endpoint is unavailable, a
    /// <see cref="SinkRecordsFailedException"/> naming the records it refused.
    /// </summary>
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        var result = await TryPutAsync(records, cancellationToken).ConfigureAwait(false);
        var failed = result
            .Rejections.Select(r => new FailedRecord(
                records[r.Index].Topic,
                records[r.Index].Partition,
                records[r.Index].Offset,
                r.Error.Message
            ))
            .ToList();
        SinkRecordsFailedException.ThrowIfAny("HTTP sink", failed, records.Count);
    }

    /// <summary>
    /// Sends the records batch.max.size at a time and says which the endpoint refused (another
    /// 4xx, a Lambda partial batch response, a tombstone under behavior.on.null.values=fail): those
    /// go through errors.tolerance and the dead-letter queue. An endpoint still answering 408, 429
    /// or 5xx, or not reachable, after max.retries is not the records' fault: the put throws a
    /// <see cref="DependencyUnavailableException"/>, which the worker retries with backoff until
    /// errors.retry.timeout and then fails the task (never dead-lettering a record); the records
    /// answered before the outage are not sent again when the same batch is put again.
    /// </summary>
    public async ValueTask<PutResult> TryPutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = new List<SinkRecord<TKey, TValue>>(_options.BatchMaxSize);
        foreach (var record in records)
        {
            if (_unfinished.TryGetAnswer(record, out _))
            {
                continue;
            }
            if (record.Value is null)
            {
                if (_options.FailOnNullValues)
                {
                    _unfinished.Refused(
                        record,
                        "null value (tombstone) with behavior.on.null.values=fail"
                    );
                }
                else
                {
                    _unfinished.Delivered(record);
                }
                continue;
            }
            batch.Add(record);
            if (batch.Count == _options.BatchMaxSize)
            {
                await SendAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        var rejections = new List<RecordRejection>();
        for (var i = 0; i < records.Count; i++)
        {
            if (_unfinished.TryGetAnswer(records[i], out var refusal) && refusal is not null)
            {
                rejections.Add(
                    new RecordRejection(i, new ConnectException(Stage.TASK_PUT, refusal))
                );
            }
        }
        _unfinished.Clear();
        return PutResult.Reject(rejections);
    }

    /// <summary>Nothing is buffered: every put has been answered by the time it returns.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _client.Dispose();
    }

    private async Task SendAsync(
        List<SinkRecord<TKey, TValue>> batch,
        CancellationToken cancellationToken
    )
    {
        _body.ResetWrittenCount();
        _json.Reset();
        var asArray = _options.BatchMaxSize > 1;
        if (asArray)
        {
            _json.WriteStartArray();
        }
        foreach (var record in batch)
        {
            TValue.WriteJson(_json, record.Value!);
        }
        if (asArray)
        {
            _json.WriteEndArray();
        }
        _json.Flush();
        var body = _body.WrittenMemory.ToArray();
        using var response = await SendWithRetriesAsync(body, batch[0], cancellationToken)
            .ConfigureAwait(false);
        await ReadAnswerAsync(response, batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        byte[] body,
        SinkRecord<TKey, TValue> first,
        CancellationToken cancellationToken
    )
    {
        HttpResponseMessage response;
        try
        {
            response = await _sender
                .SendAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(_options.Method, _options.Request.Url)
                        {
                            Content = new ByteArrayContent(body)
                            {
                                Headers =
                                {
                                    ContentType = new MediaTypeHeaderValue("application/json"),
                                },
                            },
                        };
                        _options.Request.Apply(request);
                        return request;
                    },
                    Stage.TASK_PUT,
                    "HTTP sink",
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        catch (ConnectException e)
            when (e.InnerException is HttpRequestException or TaskCanceledException)
        {
            // No connection or no answer in request.timeout.ms, max.retries times: the endpoint's
            // fault, not the records'.
            throw new DependencyUnavailableException(Dependency, e.Message, e);
        }
        if (HttpRetryingSender.IsRetriable(response.StatusCode))
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new DependencyUnavailableException(
                Dependency,
                $"HTTP sink: {UrlRedaction.Redact(_options.Request.Url)} answered {status} after {_options.MaxRetries} retries; records {first.Topic}-{first.Partition}@{first.Offset} onward are put again after a backoff (errors.retry.timeout)"
            );
        }
        return response;
    }

    private string Dependency => "the HTTP endpoint " + UrlRedaction.Redact(_options.Request.Url);

    // Records the endpoint's answer for each record of the request.
    private async Task ReadAnswerAsync(
        HttpResponseMessage response,
        List<SinkRecord<TKey, TValue>> batch,
        CancellationToken cancellationToken
    )
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            RequestsSent++;
            var answer = await response
                .Content.ReadAsByteArrayAsync(cancellationToken)
                .ConfigureAwait(false);
            var refused = BatchItemFailures.Read(
                answer,
                batch.Select(r => $"{r.Topic}-{r.Partition}-{r.Offset}").ToArray()
            );
            for (var i = 0; i < batch.Count; i++)
            {
                if (refused.Contains(i))
                {
                    _unfinished.Refused(batch[i], $"HTTP {status}: listed in batchItemFailures");
                }
                else
                {
                    _unfinished.Delivered(batch[i]);
                }
            }
            return;
        }
        var text = await response
            .Content.ReadAsStringAsync(cancellationToken)
            .ConfigureAwait(false);
        var reason = $"HTTP {status}: {(text.Length > 200 ? text[..200] : text)}";
        foreach (var record in batch)
        {
            _unfinished.Refused(record, reason);
        }
    }
}
