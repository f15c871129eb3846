using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// A consumed record's header bytes as the values the sink task (and the transforms) see, through
// header.converter (Kafka Connect's WorkerSinkTask.convertHeadersFor), then those a compiled
// HeaderFrom$Key and HeaderFrom add (Connect's transforms run after the converters, HeaderFrom
// appending to the record's headers), typed: no converter writes them on a sink.
public sealed partial class SinkTaskRunner<TKey, TValue>
{
    // The key and value converters' compiled HeaderFrom, found once at construction; null when none.
    private readonly ISinkCompiledHeaders? _keyHeaders;
    private readonly ISinkCompiledHeaders? _compiledHeaders;

    // hasValue: whether the value converter gave a value (a compiled chain leaves a tombstone
    // without headers, as on a source).
    private IReadOnlyList<RecordHeader> ConnectHeaders(
        ConsumeResult<byte[]?, byte[]?> result,
        bool hasValue
    )
    {
        // The bytes each compiled HeaderFrom reads: the key converter's (the key's, or the value's
        // for a key made from the value) and the value's; null where it adds none.
        var fromKey =
            _keyHeaders is null ? null
            : _recordKeyConverter is null ? result.Message.Key
            : result.Message.Value;
        var fromValue = hasValue && _compiledHeaders is not null ? result.Message.Value : null;
        var raw = result.Message.Headers;
        if (raw is not { Count: > 0 } && fromKey is null && fromValue is null)
        {
            return [];
        }
        var headers = new List<RecordHeader>(raw?.Count ?? 0);
        if (raw is not null)
        {
            ReadHeaders(result.Topic, raw, headers);
        }
        if (fromKey is not null)
        {
            _keyHeaders!.AddHeaders(result.Topic, fromKey, new CompiledHeaderSink(headers));
        }
        if (fromValue is not null)
        {
            _compiledHeaders!.AddHeaders(result.Topic, fromValue, new CompiledHeaderSink(headers));
        }
        return headers;
    }

    private void ReadHeaders(string topic, Headers raw, List<RecordHeader> headers)
    {
        var converter = _options.HeaderConverter;
        foreach (var h in raw)
        {
            var bytes = h.GetValueBytes();
            HeaderValue value;
            try
            {
                value = converter.ToConnectHeader(topic, h.Key, bytes);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A header the converter cannot read reaches the task as its bytes (as Connect's
                // SimpleHeaderConverter keeps one it cannot parse): the record is not failed for
                // it and no byte is lost.
                value = HeaderValue.FromBytes(bytes);
            }
            headers.Add(new RecordHeader(h.Key, value));
        }
    }
}
