using KConnector.Converters.Headers;
using KConnector.Records;

namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>InsertHeader</c>: appends the header (a name may repeat, as in Kafka).</summary>
internal sealed class InsertHeaderTransformation(string name, HeaderValue value) : ITransformation
{
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        var headers = new List<RecordHeader>(record.Headers.Count + 1);
        headers.AddRange(record.Headers);
        headers.Add(new RecordHeader(name, value));
        return record with { Headers = headers };
    }
}
