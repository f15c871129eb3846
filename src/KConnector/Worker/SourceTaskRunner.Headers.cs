using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// A source record's header values to Kafka headers, through header.converter (Kafka Connect's
// WorkerSourceTask.convertHeaderFor, at stage HEADER_CONVERTER), then those a compiled HeaderFrom
// adds: it ran last (in the value converter, after the run-time chain), so its headers come after
// the record's, as Connect's HeaderFrom appends them.
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    // A compiled HeaderFrom's headers (docs/transforms.md, "Compiled at build time"); null when the
    // chain adds none. Found once, at construction.
    private readonly ICompiledHeaders<TValue>? _compiledHeaders;

    // A compiled HeaderFrom$Key's headers, from the key converter: over the task's key, or over its
    // value when ValueToKey makes the key. Null when it adds none. Made once, at construction.
    private readonly Action<SourceRecord<TKey, TValue>, CompiledHeaderSink>? _keyHeaders;

    private static Action<SourceRecord<TKey, TValue>, CompiledHeaderSink>? KeyHeaders(
        IConverter<TKey> keyConverter
    ) =>
        keyConverter switch
        {
            IRecordKeyConverter<TKey, TValue>
            and ICompiledHeaders<TValue> { AddsHeaders: true } v => (record, headers) =>
            {
                if (record.Value is { } value)
                {
                    v.AddHeaders(record.Topic, value, headers);
                }
            },
            ICompiledHeaders<TKey> { AddsHeaders: true } k => (record, headers) =>
            {
                if (record.Key is { } key)
                {
                    k.AddHeaders(record.Topic, key, headers);
                }
            },
            _ => null,
        };

    // The record's headers as Kafka headers; null when it has none. Throws what the converter throws.
    private Headers? ConvertHeaders(SourceRecord<TKey, TValue> record)
    {
        // A compiled chain leaves a tombstone as it is, headers included; the key's chain runs on a
        // tombstone's key.
        var compiled = record.Value is not null ? _compiledHeaders : null;
        if (record.Headers.Count == 0 && compiled is null && _keyHeaders is null)
        {
            return null;
        }
        var converter = _options.HeaderConverter;
        var headers = new Headers();
        foreach (var header in record.Headers)
        {
            headers.Add(
                header.Name,
                converter.FromConnectHeader(record.Topic, header.Name, header.Value)
            );
        }
        // The key converter runs first: a HeaderFrom$Key's headers come before the value's (the
        // build refuses a HeaderFrom$Key after a HeaderFrom$Value).
        _keyHeaders?.Invoke(record, new CompiledHeaderSink(headers, converter, record.Topic));
        compiled?.AddHeaders(
            record.Topic,
            record.Value!,
            new CompiledHeaderSink(headers, converter, record.Topic)
        );
        return headers;
    }

    // After the header converter threw: retried and tolerated as the key and value converters are.
    // Returns false when the record failed and was tolerated (skipped).
    private async ValueTask<(bool Ok, Headers? Headers)> ConvertHeadersAfterFailureAsync(
        RetryWithToleranceOperator errors,
        SourceRecord<TKey, TValue> record,
        byte[]? key,
        byte[]? value,
        Exception firstFailure,
        CancellationToken cancellationToken
    )
    {
        var failed = new ErrantRecord
        {
            Topic = record.Topic,
            Key = key,
            Value = value,
            Headers = WireHeaders(record),
            Timestamp = record.Timestamp,
            SourcePartition = record.SourcePartition,
            SourceOffset = record.SourceOffset,
        };
        var (ok, headers) = await errors
            .ExecuteAsync(
                _ => ValueTask.FromResult(ConvertHeaders(record)),
                Stage.HEADER_CONVERTER,
                _options.HeaderConverter.GetType(),
                failed,
                cancellationToken,
                firstFailure
            )
            .ConfigureAwait(false);
        return (ok, headers);
    }

    // The headers of a dead-letter copy as bytes: each through the header converter, or (one it
    // refuses) in the SimpleHeaderConverter's string form, so no header is lost.
    private List<RecordHeader> WireHeaders(SourceRecord<TKey, TValue> record)
    {
        var wire = new List<RecordHeader>(record.Headers.Count);
        foreach (var header in record.Headers)
        {
            byte[]? bytes;
            try
            {
                bytes = _options.HeaderConverter.FromConnectHeader(
                    record.Topic,
                    header.Name,
                    header.Value
                );
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                bytes = HeaderBytes.Of(header.Value);
            }
            wire.Add(new RecordHeader(header.Name, bytes));
        }
        return wire;
    }
}
