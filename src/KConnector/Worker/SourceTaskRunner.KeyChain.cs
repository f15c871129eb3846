using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// A key the build compiled from the value (ValueToKey, docs/transforms.md "Compiled at build
// time"): its converter needs the whole record, which a key converter given the key alone never
// sees. Found once, at construction: per record a null test, no allocation.
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    private readonly IRecordKeyConverter<TKey, TValue>? _recordKeyConverter;

    private byte[]? ConvertKey(SourceRecord<TKey, TValue> record) =>
        _recordKeyConverter is { } whole
            ? whole.FromRecord(record.Topic, record.Key, record.Value)
            : _keyConverter.FromConnectData(record.Topic, record.Key);
}
