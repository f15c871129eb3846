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
/// failures; when those are exhausted the put fails (nothing is committed, nothing is lost). A
/// request answered with another 4xx fails its records one by one, and a 2xx answer may name
/// failed items with AWS Lambda's partial-batch-response shape
/// (<c>{"batchItemFailures":[{"itemIdentifier":"1"}]}</c>, the identifier being the record's
/// index in the request's array or <c>topic-partition-offset</c>). Failed records are reported by
/// a <see cref="SinkRecordsFailedException"/> thrown after every batch was sent, for the worker's
/// dead-letter queue.
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

    /// <inheritdoc />
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var failed = new List<FailedRecord>();
        var batch = new List<SinkRecord<TKey, TValue>>(_options.BatchMaxSize);
        foreach (var record in records)
        {
            if (record.Value is null)
            {
                if (_options.FailOnNullValues)
                {
                    failed.Add(
                        new FailedRecord(
                            record.Topic,
                            record.Partition,
                            record.Offset,
                            "null value (tombstone) with behavior.on.null.values=fail"
                        )
                    );
                }
                continue;
            }
            batch.Add(record);
            if (batch.Count == _options.BatchMaxSize)
            {
                await SendAsync(batch, failed, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await SendAsync(batch, failed, cancellationToken).ConfigureAwait(false);
        }
        SinkRecordsFailedException.ThrowIfAny("HTTP sink", failed, records.Count);
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
        List<FailedRecord> failed,
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
        using var response = await _sender
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
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            RequestsSent++;
            var answer = await response
                .Content.ReadAsByteArrayAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (
                var index in BatchItemFailures.Read(
                    answer,
                    batch.Select(r => $"{r.Topic}-{r.Partition}-{r.Offset}").ToArray()
                )
            )
            {
                var record = batch[index];
                failed.Add(
                    new FailedRecord(
                        record.Topic,
                        record.Partition,
                        record.Offset,
                        $"HTTP {status}: listed in batchItemFailures"
                    )
                );
            }
            return;
        }
        if (HttpRetryingSender.IsRetriable(response.StatusCode))
        {
            throw new ConnectException(
                Stage.TASK_PUT,
                $"HTTP sink: {UrlRedaction.Redact(_options.Request.Url)} answered {status} after {_options.MaxRetries} retries; records {batch[0].Topic}-{batch[0].Partition}@{batch[0].Offset} onward are not committed"
            );
        }
        var text = await response
            .Content.ReadAsStringAsync(cancellationToken)
            .ConfigureAwait(false);
        var reason = $"HTTP {status}: {(text.Length > 200 ? text[..200] : text)}";
        failed.AddRange(
            batch.Select(r => new FailedRecord(r.Topic, r.Partition, r.Offset, reason))
        );
    }
}
