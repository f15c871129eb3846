using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// A key the build compiled from the value (ValueToKey, docs/transforms.md "Compiled at build
// time"): its converter needs the whole record, which a key converter given the key alone never
// sees. A type test, no allocation: the general path is unchanged.
public sealed partial class SourceTaskRunner<TKey, TValue>
{
    private byte[]? ConvertKey(SourceRecord<TKey, TValue> record) =>
        _keyConverter is IRecordKeyConverter<TKey, TValue> whole
            ? whole.FromRecord(record.Topic, record.Key, record.Value)
            : _keyConverter.FromConnectData(record.Topic, record.Key);
}
