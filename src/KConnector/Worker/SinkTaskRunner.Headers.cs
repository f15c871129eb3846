using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// A consumed record's header bytes as the values the sink task (and the transforms) see, through
// header.converter (Kafka Connect's WorkerSinkTask.convertHeadersFor), then those a compiled
// HeaderFrom adds (Connect's transforms run after the converters, HeaderFrom appending to the
// record's headers), typed: no converter writes them on a sink.
public sealed partial class SinkTaskRunner<TKey, TValue>
{
    // The value converter's compiled HeaderFrom, found once at construction; null when none.
    private readonly ISinkCompiledHeaders? _compiledHeaders;

    // hasValue: whether the value converter gave a value (a compiled chain leaves a tombstone
    // without headers, as on a source).
    private IReadOnlyList<RecordHeader> ConnectHeaders(
        ConsumeResult<byte[]?, byte[]?> result,
        bool hasValue
    )
    {
        // The value's bytes when a compiled HeaderFrom adds headers from them.
        var fromValue = hasValue && _compiledHeaders is not null ? result.Message.Value : null;
        if (result.Message.Headers is not { Count: > 0 } raw)
        {
            return fromValue is null ? [] : Compiled(result.Topic, fromValue, []);
        }
        var converter = _options.HeaderConverter;
        var headers = new List<RecordHeader>(raw.Count);
        foreach (var h in raw)
        {
            var bytes = h.GetValueBytes();
            HeaderValue value;
            try
            {
                value = converter.ToConnectHeader(result.Topic, h.Key, bytes);
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
        return fromValue is null ? headers : Compiled(result.Topic, fromValue, headers);
    }

    private List<RecordHeader> Compiled(string topic, byte[] value, List<RecordHeader> headers)
    {
        _compiledHeaders!.AddHeaders(topic, value, new CompiledHeaderSink(headers));
        return headers;
    }
}
