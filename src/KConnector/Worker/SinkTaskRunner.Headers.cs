using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Records;

namespace KConnector.Worker;

// A consumed record's header bytes as the values the sink task (and the transforms) see, through
// header.converter (Kafka Connect's WorkerSinkTask.convertHeadersFor).
public sealed partial class SinkTaskRunner<TKey, TValue>
{
    private IReadOnlyList<RecordHeader> ConnectHeaders(ConsumeResult<byte[]?, byte[]?> result)
    {
        if (result.Message.Headers is not { Count: > 0 } raw)
        {
            return [];
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
        return headers;
    }
}
