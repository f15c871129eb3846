using KConnector.Records;

namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>DropHeaders</c>: every header whose name is listed is removed.</summary>
internal sealed class DropHeadersTransformation(HashSet<string> names) : ITransformation
{
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        var kept = new List<RecordHeader>(record.Headers.Count);
        foreach (var header in record.Headers)
        {
            if (!names.Contains(header.Name))
            {
                kept.Add(header);
            }
        }
        return kept.Count == record.Headers.Count ? record : record with { Headers = kept };
    }
}
